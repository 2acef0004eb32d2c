// The cart: lines kept in sessionStorage (per signed-in user), priced live by the
// server. Nothing here is a price: prices always come from /api/v1/prices/resolve.
import {post} from './api.js';

const KEY = 'crossdock.cart';

function key(me) {
  return `${KEY}.${me && (me.user_id || me.email) || 'anon'}`;
}

/** [{sku, quantity, uom, customer_part_number?}] */
export function cartLines(me) {
  try {
    return JSON.parse(sessionStorage.getItem(key(me)) || '[]');
  } catch (_) {
    return [];
  }
}

export function saveCart(me, lines) {
  sessionStorage.setItem(key(me), JSON.stringify(lines));
  window.dispatchEvent(new CustomEvent('crossdock:cart', {detail: lines.length}));
}

/** Adds lines; a line of the same SKU and unit adds up its quantity. */
export function addToCart(me, newLines) {
  const lines = cartLines(me);
  for (const line of newLines) {
    const same = lines.find((l) => l.sku === line.sku && l.uom === line.uom);
    if (same) {
      same.quantity = addDecimal(same.quantity, line.quantity);
    } else {
      lines.push({sku: line.sku, quantity: String(line.quantity), uom: line.uom,
        customer_part_number: line.customer_part_number || undefined});
    }
  }
  saveCart(me, lines);
  return lines;
}

export function clearCart(me) {
  saveCart(me, []);
}

function addDecimal(a, b) {
  const [ai, af = ''] = String(a).split('.');
  const [bi, bf = ''] = String(b).split('.');
  const digits = Math.max(af.length, bf.length);
  const scale = 10n ** BigInt(digits);
  const sum = BigInt(ai) * scale + BigInt(af.padEnd(digits, '0') || '0') +
    BigInt(bi) * scale + BigInt(bf.padEnd(digits, '0') || '0');
  if (digits === 0) return sum.toString();
  const whole = sum / scale;
  const frac = (sum % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Prices `lines` for the caller (or `customerId` when staff). */
export function priceLines(lines, customerId) {
  const body = {lines: lines.map((l) => ({sku: l.sku, quantity: String(l.quantity), uom: l.uom}))};
  if (customerId) body.customer_id = customerId;
  return post('/api/v1/prices/resolve', body);
}
