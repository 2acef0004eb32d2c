// Acceptance 1: a buyer signs in, searches, sees their own contract price (not
// another customer's), opens the price explanation, quick-orders three lines (one
// by their own part number, one in cases), fixes a line rejected for its order
// multiple, sees the cart re-priced across a tier, and places the order; the same
// PO number again answers 409, shown clearly.
import {scenario, signIn, expect, apiAs} from './lib/harness.mjs';

const CONTRACT_SKU = 'SCR-MS-M6X20-SS';  // ACME-CONTRACT: 0.1144 per EA
const OWN_PART = 'AC-200871';            // ACME's number for BLT-HEX-M10X50-ZP
const TIERED = 'BLT-CAR-1213X152-HDG';   // GOLD for ACME: 0.8078 each, 0.7432 from 50 EA

scenario('buyer_order', async ({page, server}) => {
  await signIn(page, 'buyer@acme.test');

  // Search and see ACME's contract price, which is not GLOBEX's.
  await page.getByLabel('Search the catalog').fill(CONTRACT_SKU);
  await page.getByRole('button', {name: 'Search', exact: true}).click();
  const card = page.locator(`article.product[data-sku="${CONTRACT_SKU}"]`);
  await card.waitFor();
  const shown = (await card.locator('.unit-price').first().textContent()).trim();
  expect(shown.startsWith('0.1144'), `ACME's contract price 0.1144 is shown, got "${shown}"`);
  const globex = await apiAs(server, 'buyer@globex.test', 'GET', `/api/v1/products/${CONTRACT_SKU}`);
  expect(globex.status === 200, `GLOBEX sees the product (${globex.status})`);
  expect(!globex.text.includes('0.1144'), 'GLOBEX gets another price than the ACME contract');

  // Why this price: the explanation names the contract list.
  await card.getByRole('button', {name: 'Why this price?'}).click();
  const explanation = card.locator('details.explain[open]');
  await explanation.waitFor();
  const why = await explanation.textContent();
  expect(why.includes('ACME-CONTRACT'), `the explanation names ACME-CONTRACT: ${why}`);

  // Quick order: a SKU, one of ACME's own part numbers (in cases) and a line that
  // breaks the order multiple of 12.
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Quick order'}).click();
  await page.getByLabel(/^Lines/).fill(`${TIERED}, 40, EA\n${OWN_PART}, 2, CS\nNUT-HEX-M8-ZP, 30, EA`);
  await page.getByRole('button', {name: 'Check lines'}).click();
  const bad = page.locator('tr[data-line="3"] .form-error');
  await bad.waitFor();
  expect((await bad.textContent()).includes('multiple of 12'), 'line 3 is rejected for its order multiple');
  expect(await page.getByRole('button', {name: /Add 3 lines to cart/}).isDisabled(), 'nothing goes to the cart while a line is bad');
  expect((await page.locator('tr[data-line="2"]').textContent()).includes('BLT-HEX-M10X50-ZP'), 'the part number resolves to our SKU');
  const fix = page.getByLabel('Quantity, line 3 (NUT-HEX-M8-ZP)');
  await fix.fill('36');
  await fix.press('Tab');
  await page.getByText('All 3 lines are valid.').waitFor();
  await page.getByRole('button', {name: 'Add 3 lines to cart'}).click();

  // The cart is priced by the server; place the order with a PO number.
  await page.getByRole('heading', {name: 'Cart'}).waitFor();
  await page.locator('tr[data-sku="BLT-HEX-M10X50-ZP"] td.unit-price').filter({hasText: /\d/}).waitFor();
  expect((await page.locator('#cart-total').textContent()).match(/\d/), 'the cart has a total');
  // Re-priced as the quantity crosses a tier.
  const tiered = page.locator(`tr[data-sku="${TIERED}"]`);
  await tiered.locator('.next-tier-hint').filter({hasText: 'Add 10 EA to reach the next tier'}).waitFor();
  expect((await tiered.locator('td.unit-price').textContent()).startsWith('0.8078'), 'GOLD price below the tier');
  await page.getByLabel(`Quantity of ${TIERED}`).fill('50');
  await page.getByLabel(`Quantity of ${TIERED}`).press('Tab');
  await page.locator(`tr[data-sku="${TIERED}"] td.unit-price`).filter({hasText: '0.7432'}).waitFor();
  await page.getByLabel('PO number').fill('PO-E2E-0001');
  await page.getByRole('button', {name: 'Place order'}).click();
  await page.locator('.po-number').filter({hasText: 'PO-E2E-0001'}).waitFor();
  const orderUrl = page.url();
  const orderId = decodeURIComponent(orderUrl.split('#/orders/')[1]);
  const stored = await apiAs(server, 'buyer@acme.test', 'GET', `/api/v1/orders/${encodeURIComponent(orderId)}`);
  expect(stored.status === 200 && stored.json.lines.length === 3, `the order has 3 lines: ${stored.text}`);
  const nuts = stored.json.lines.find((l) => l.sku === 'NUT-HEX-M8-ZP');
  const carriage = stored.json.lines.find((l) => l.sku === TIERED);
  expect(carriage && carriage.unit_price.startsWith('0.7432'), `ordered at the tier price: ${JSON.stringify(carriage)}`);
  expect(nuts && String(nuts.quantity).startsWith('36'), 'the fixed quantity was ordered');
  const bolts = stored.json.lines.find((l) => l.sku === 'BLT-HEX-M10X50-ZP');
  expect(bolts && bolts.uom === 'CS', 'the bolts were ordered in cases');
  expect(bolts.customer_part_number === OWN_PART, `the order line keeps ACME's part number: ${bolts.customer_part_number}`);

  // Reorder and reuse the PO number: the 409 is explained, nothing is placed.
  await page.getByRole('button', {name: 'Reorder'}).click();
  await page.getByLabel('PO number').fill('PO-E2E-0001');
  await page.getByRole('button', {name: 'Place order'}).click();
  const conflict = page.locator('.problems [role=alert]');
  await conflict.waitFor();
  expect((await conflict.textContent()).includes('PO number "PO-E2E-0001" was already used'), 'the 409 is shown clearly');
});
