// Quantities, units and quick-order lines: pure functions (no DOM, no fetch), so
// node can test them (tests/e2e/unit_tests.mjs). Quantities are decimal text and
// are compared as scaled integers, never as floating point.

const SCALE = 10000n;  // 4 fraction digits, like the server's quantities

/** "12.5" → 125000n; null when the text is not a plain non-negative decimal. */
export function scaled(text) {
  const match = /^\s*(\d+)(?:\.(\d{1,4}))?\s*$/.exec(String(text));
  if (!match) return null;
  return BigInt(match[1]) * SCALE + BigInt((match[2] || '').padEnd(4, '0'));
}

/** 125000n → "12.5". */
export function unscaled(value) {
  const whole = value / SCALE;
  const frac = (value % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** A product's units: [{uom, factor}] with factor = base units per unit (base first). */
export function unitsOf(product) {
  const base = product.base_uom || product.uom || 'EA';
  const units = [{uom: base, factor: '1'}];
  for (const pack of product.packs || product.units || []) {
    const uom = pack.uom || pack.unit || pack.code;
    const factor = pack.qty ?? pack.quantity ?? pack.factor ?? pack.base_units ?? pack.pack_qty;
    if (uom && uom !== base && factor !== undefined) units.push({uom, factor: String(factor)});
  }
  return units;
}

/**
 * Checks a quantity of `product` in `uom` against its units, minimum order
 * quantity and order multiple (both in base units). Returns null when fine, else
 * {code, message} with a suggestion ("order 12 or 24 EA").
 */
export function checkQuantity(product, quantityText, uom) {
  const quantity = scaled(quantityText);
  if (quantity === null || quantity <= 0n) {
    return {code: 'invalid_quantity', message: `quantity "${quantityText}" must be a number above 0`};
  }
  const units = unitsOf(product);
  const unit = units.find((u) => u.uom === uom);
  if (!unit) {
    return {code: 'unknown_unit',
      message: `${product.sku} is not sold in ${uom}; units: ${units.map((u) => u.uom).join(', ')}`};
  }
  const base = units[0].uom;
  const inBase = (quantity * scaled(unit.factor)) / SCALE;
  const moq = scaled(product.min_order_qty ?? '1') ?? SCALE;
  const multiple = scaled(product.order_multiple ?? '1') ?? SCALE;
  if (inBase < moq) {
    return {code: 'below_moq',
      message: `${product.sku}: ${quantityText} ${uom} is below the minimum order of ${unscaled(moq)} ${base}`};
  }
  if (multiple > 0n && inBase % multiple !== 0n) {
    const lower = (inBase / multiple) * multiple;
    const upper = lower + multiple;
    const options = [lower, upper].filter((v) => v >= moq && v > 0n).map(unscaled);
    return {code: 'order_multiple',
      message: `${product.sku}: ${quantityText} ${uom} (${unscaled(inBase)} ${base}) is not a multiple of ` +
        `${unscaled(multiple)} ${base}; order ${options.join(' or ')} ${base}`};
  }
  return null;
}

/**
 * Parses pasted quick-order text: one line per item, "code quantity [unit]"
 * separated by commas, semicolons, tabs or spaces. A header line (code,quantity,...)
 * is skipped. Returns [{line, code, quantity, uom, error}].
 */
export function parseQuickOrder(text) {
  const lines = [];
  String(text).split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const parts = trimmed.split(/\s*[,;\t]\s*|\s+/).map(unquote).filter((p) => p !== '');
    if (index === 0 && /^(sku|code|item|part|part_number|customer_part_number)$/i.test(parts[0] || '')) return;
    const [code, quantity, uom] = parts;
    const entry = {line: index + 1, code: code || '', quantity: quantity || '', uom: (uom || '').toUpperCase()};
    if (parts.length < 2) entry.error = 'expected "SKU or part number, quantity, unit"';
    else if (scaled(quantity) === null || scaled(quantity) <= 0n) entry.error = `quantity "${quantity}" is not a number above 0`;
    else if (parts.length > 3) entry.error = `too many fields (${parts.length}); expected code, quantity, unit`;
    lines.push(entry);
  });
  return lines;
}

function unquote(text) {
  return text.replace(/^"(.*)"$/, '$1').trim();
}

/** Normalised form of a code for exact comparison: letters and digits, lower case. */
export function normalizeCode(code) {
  return String(code || '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when `product` is named by `code`: its SKU, MPN, GTIN or one of the caller's part numbers. */
export function productMatchesCode(product, code) {
  const wanted = normalizeCode(code);
  if (!wanted) return false;
  const names = [product.sku, product.mpn, product.gtin, product.customer_part_number,
    ...(product.part_numbers || []), ...(product.customer_part_numbers || [])];
  return names.some((name) => normalizeCode(name) === wanted);
}

/** True when the caller's own part number (not our SKU) names `product`. */
export function isPartNumberOf(product, code) {
  return normalizeCode(product.sku) !== normalizeCode(code);
}
