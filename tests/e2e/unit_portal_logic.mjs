// The portal's pure modules (web/js/qty.js, quote_math.js): quick-order parsing,
// order-multiple checks, discounts, margins and version diffs. Node only, no browser.
import test from 'node:test';
import assert from 'node:assert/strict';
import {parseQuickOrder, checkQuantity, scaled, unscaled, productMatchesCode} from '../../web/js/qty.js';
import {discountPercent, overDiscountLimit, marginPercent, belowMarginFloor, diffLines} from '../../web/js/quote_math.js';

const nut = {sku: 'NUT-HEX-M8-ZP', base_uom: 'EA', min_order_qty: '12', order_multiple: '12', packs: [{uom: 'CS', qty: '144'}]};

test('parses pasted lines with any separator and skips a header', () => {
  const lines = parseQuickOrder('sku,quantity,uom\nSCR-1, 100, EA\nAC-100234\t2\tcs\n\nNUT 24\nbad');
  assert.deepEqual(lines.map((l) => [l.code, l.quantity, l.uom, Boolean(l.error)]),
    [['SCR-1', '100', 'EA', false], ['AC-100234', '2', 'CS', false], ['NUT', '24', '', false], ['bad', '', '', true]]);
  assert.match(parseQuickOrder('X, -3, EA')[0].error, /not a number above 0/);
  assert.match(parseQuickOrder('X, 1, EA, 4')[0].error, /too many fields/);
});

test('checks units, minimum and order multiple in base units', () => {
  assert.equal(checkQuantity(nut, '24', 'EA'), null);
  assert.equal(checkQuantity(nut, '1', 'CS'), null);
  assert.match(checkQuantity(nut, '10', 'EA').message, /below the minimum order of 12 EA/);
  const multiple = checkQuantity(nut, '30', 'EA');
  assert.equal(multiple.code, 'order_multiple');
  assert.match(multiple.message, /order 24 or 36 EA/);
  assert.match(checkQuantity(nut, '1', 'PL').message, /not sold in PL/);
  assert.match(checkQuantity(nut, 'abc', 'EA').message, /must be a number/);
});

test('decimal text round-trips without floating point', () => {
  assert.equal(scaled('0.1'), 1000n);
  assert.equal(unscaled(scaled('12.5')), '12.5');
  assert.equal(scaled('1e3'), null);
  assert.equal(productMatchesCode({sku: 'A-1', customer_part_numbers: ['ac 100234']}, 'AC-100234'), true);
});

test('discount limit and margin floor are exact at the boundary', () => {
  assert.equal(discountPercent('100.00', '90.00'), '10.00');
  assert.equal(overDiscountLimit('100.00', '90.00'), false);
  assert.equal(overDiscountLimit('100.00', '89.99'), true);
  assert.equal(marginPercent('100.00', '95.00'), '5.00');
  assert.equal(belowMarginFloor('100.00', '95.00'), false);
  assert.equal(belowMarginFloor('100.00', '95.01'), true);
});

test('version diff pairs lines by SKU', () => {
  const diff = diffLines([{sku: 'A', quantity: '1', unit_price: '2'}, {sku: 'B', quantity: '1'}],
    [{sku: 'A', quantity: '5', unit_price: '2'}, {sku: 'C', quantity: '1'}]);
  assert.deepEqual(diff.map((d) => [d.sku, d.kind]), [['A', 'changed'], ['B', 'removed'], ['C', 'added']]);
  assert.deepEqual(diff[0].changes, [{field: 'quantity', from: '1', to: '5'}]);
});
