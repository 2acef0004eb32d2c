// Quote arithmetic for display: discount against the list price, margin against
// cost, the approval policy's thresholds (docs/sales.md "Approval policy"), and
// the diff of two versions. Exact decimal comparisons, as the server does them.
import {scaled} from './qty.js';

/** Defaults of the server's ApprovalPolicy (a quote may carry its own values). */
export const DISCOUNT_LIMIT_PERCENT = '10';
export const MARGIN_FLOOR_PERCENT = '5';

/** Percent with 2 decimals from scaled integers: part / whole × 100. */
function percent(part, whole) {
  if (whole === 0n) return null;
  const hundredths = (part * 10000n) / whole;  // percent × 100
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Discount of `unit` below `list` in percent ("12.50"), or null. */
export function discountPercent(list, unit) {
  const l = scaled(list);
  const u = scaled(unit);
  if (l === null || u === null || l === 0n) return null;
  return percent(l - u, l);
}

/** True when the line needs a manager: (list − unit) × 100 > list × limit. */
export function overDiscountLimit(list, unit, limit = DISCOUNT_LIMIT_PERCENT) {
  const l = scaled(list);
  const u = scaled(unit);
  const p = scaled(limit);
  if (l === null || u === null || p === null) return false;
  return (l - u) * 100n * 10000n > l * p;
}

/** Margin on the selling price in percent, from cost per line unit, or null. */
export function marginPercent(unit, cost) {
  const u = scaled(unit);
  const c = scaled(cost);
  if (u === null || c === null || u === 0n) return null;
  return percent(u - c, u);
}

/** True when the margin is below the floor: (unit − cost) × 100 < unit × floor. */
export function belowMarginFloor(unit, cost, floor = MARGIN_FLOOR_PERCENT) {
  const u = scaled(unit);
  const c = scaled(cost);
  const f = scaled(floor);
  if (u === null || c === null || f === null) return false;
  if (u === 0n) return true;
  return (u - c) * 100n * 10000n < u * f;
}

/**
 * The difference between two versions' lines, matched by SKU (the k-th line of a
 * SKU pairs with the k-th line of that SKU): [{sku, kind: added|removed|changed,
 * changes: [{field, from, to}]}].
 */
export function diffLines(older, newer) {
  const fields = ['quantity', 'uom', 'unit_price', 'list_price', 'reason'];
  const bySku = (lines) => {
    const map = new Map();
    for (const line of lines || []) {
      if (!map.has(line.sku)) map.set(line.sku, []);
      map.get(line.sku).push(line);
    }
    return map;
  };
  const a = bySku(older);
  const b = bySku(newer);
  const out = [];
  for (const sku of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(sku) || [];
    const right = b.get(sku) || [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      if (!left[i]) out.push({sku, kind: 'added', changes: fields.map((f) => ({field: f, from: '', to: right[i][f] ?? ''}))});
      else if (!right[i]) out.push({sku, kind: 'removed', changes: fields.map((f) => ({field: f, from: left[i][f] ?? '', to: ''}))});
      else {
        const changes = fields.filter((f) => String(left[i][f] ?? '') !== String(right[i][f] ?? ''))
          .map((f) => ({field: f, from: left[i][f] ?? '', to: right[i][f] ?? ''}));
        if (changes.length) out.push({sku, kind: 'changed', changes});
      }
    }
  }
  return out;
}
