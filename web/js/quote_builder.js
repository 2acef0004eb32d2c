// The rep's quote builder: pick a customer, add lines, see each line's resolved
// list price, discount, margin and the approval threshold while editing prices;
// save as a draft (POST /api/v1/quotes, or PATCH for an existing draft).
import {api, get, post, seg, getAll} from './api.js';
import {h, replace, field, announce, errorBox, today} from './dom.js';
import {priceLines} from './cart_store.js';
import {unitsOf, scaled, unscaled} from './qty.js';
import {discountPercent, overDiscountLimit, marginPercent, belowMarginFloor,
  DISCOUNT_LIMIT_PERCENT, MARGIN_FLOOR_PERCENT} from './quote_math.js';

/** Cost per `uom` from the product's cost per base unit, or null. */
function costPer(product, uom, lineCost) {
  if (lineCost !== undefined && lineCost !== null && lineCost !== '') return String(lineCost);
  if (!product || product.cost === undefined || product.cost === null) return null;
  const unit = unitsOf(product).find((u) => u.uom === uom);
  const cost = scaled(product.cost);
  const factor = unit ? scaled(unit.factor) : null;
  if (cost === null || factor === null) return null;
  return unscaled((cost * factor) / 10000n);
}

function newLine() {
  return {sku: '', quantity: '1', uom: '', unit_price: '', reason: '', list_price: '', product: null, error: ''};
}

async function refreshLine(state, line) {
  line.error = '';
  if (!line.sku) return;
  try {
    if (!line.product || line.product.sku !== line.sku) {
      line.product = await get(`/api/v1/products/${seg(line.sku)}`);
      // Start at the item's minimum order quantity: below it there is often no price.
      if (line.quantity === '1' && line.product.min_order_qty) line.quantity = String(line.product.min_order_qty);
    }
    if (!line.uom) line.uom = line.product.base_uom || unitsOf(line.product)[0].uom;
    if (!state.customer) return;
    const priced = await priceLines([{sku: line.sku, quantity: line.quantity, uom: line.uom}], state.customer);
    const result = priced.lines[0];
    if (result.error) {
      line.error = result.error.message || result.error.code;
      return;
    }
    line.list_price = result.unit_price;
    if (!line.unit_price) line.unit_price = result.unit_price;
  } catch (error) {
    line.error = error.message;
  }
}

function indicators(line) {
  if (!line.list_price || !line.unit_price) return '';
  const discount = discountPercent(line.list_price, line.unit_price);
  const cost = costPer(line.product, line.uom, line.cost);
  const margin = cost !== null ? marginPercent(line.unit_price, cost) : null;
  const over = overDiscountLimit(line.list_price, line.unit_price);
  const thin = cost !== null && belowMarginFloor(line.unit_price, cost);
  return h('div', {class: over || thin ? 'over-limit' : 'ok'},
    `${discount ?? '0.00'} % off list`, margin !== null ? ` · margin ${margin} %` : '',
    over ? ` · above the ${DISCOUNT_LIMIT_PERCENT} % discount limit: needs approval` : '',
    thin ? ` · below the ${MARGIN_FLOOR_PERCENT} % margin floor: needs approval` : '');
}

function lineRow(state, index, rerender) {
  const line = state.lines[index];
  const n = index + 1;
  const input = (name, value, attrs = {}) => h('input', {type: 'text', name: `${name}-${n}`, value, ...attrs});
  const sku = input('sku', line.sku, {'aria-label': `SKU, line ${n}`, size: 16});
  const quantity = input('quantity', line.quantity, {'aria-label': `Quantity, line ${n}`, inputmode: 'decimal', size: 6});
  const units = line.product ? unitsOf(line.product) : [];
  const uom = h('select', {name: `uom-${n}`, 'aria-label': `Unit, line ${n}`},
    units.map((u) => h('option', {value: u.uom, selected: u.uom === line.uom}, u.uom)));
  const price = input('price', line.unit_price, {'aria-label': `Quoted unit price, line ${n}`, inputmode: 'decimal', size: 9});
  const reason = input('reason', line.reason, {'aria-label': `Reason for the price, line ${n}`, size: 18});
  const indicatorCell = h('td', {class: 'indicators'}, indicators(line));
  const reprice = async () => {
    await refreshLine(state, line);
    rerender();
  };
  sku.addEventListener('change', () => { line.sku = sku.value.trim(); line.uom = ''; line.unit_price = ''; line.cost = undefined; reprice(); });
  quantity.addEventListener('change', () => { line.quantity = quantity.value.trim(); reprice(); });
  uom.addEventListener('change', () => { line.uom = uom.value; line.unit_price = ''; line.cost = undefined; reprice(); });
  price.addEventListener('input', () => { line.unit_price = price.value.trim(); replace(indicatorCell, indicators(line)); });
  reason.addEventListener('input', () => { line.reason = reason.value; });
  const remove = h('button', {type: 'button', class: 'link', onclick: () => { state.lines.splice(index, 1); rerender(); }}, `Remove line ${n}`);
  return h('tr', {'data-line': n},
    h('td', {}, sku, line.product ? h('div', {class: 'hint'}, line.product.name) : null,
      line.error ? h('div', {class: 'form-error', role: 'alert'}, line.error) : null),
    h('td', {}, quantity), h('td', {}, uom), h('td', {class: 'num list-price'}, line.list_price || '—'),
    h('td', {}, price), h('td', {}, reason), indicatorCell, h('td', {}, remove));
}

async function loadDraft(id, state) {
  const quote = await get(`/api/v1/quotes/${seg(id)}`);
  state.id = quote.id;
  state.row_version = quote.row_version;
  state.customer = quote.customer_id;
  state.valid_until = quote.valid_until || state.valid_until;
  state.lines = [];
  for (const l of quote.lines || []) {
    const line = {...newLine(), sku: l.sku, quantity: String(l.quantity), uom: l.uom, unit_price: l.unit_price, reason: l.reason || '', list_price: l.list_price, cost: l.cost};
    try { line.product = await get(`/api/v1/products/${seg(l.sku)}`); } catch (_) { /* shown as missing */ }
    state.lines.push(line);
  }
}

export async function renderQuoteBuilder(view, {query: q}) {
  const state = {customer: '', valid_until: today(30), lines: [newLine()]};
  const editing = q.get('edit');
  if (editing) await loadDraft(editing, state);
  let customers = [];
  try { customers = await getAll('/api/v1/customers'); } catch (_) { customers = []; }
  const customer = h('select', {name: 'customer_id', required: true, disabled: Boolean(editing)},
    h('option', {value: ''}, 'Choose a customer'),
    customers.map((c) => h('option', {value: c.id, selected: c.id === state.customer}, `${c.id} — ${c.name}`)));
  const validUntil = h('input', {type: 'date', name: 'valid_until', value: state.valid_until, required: true});
  const body = h('tbody');
  const problems = h('div', {class: 'problems'});
  const rerender = () => replace(body, state.lines.map((_, i) => lineRow(state, i, rerender)));
  customer.addEventListener('change', async () => {
    state.customer = customer.value;
    for (const line of state.lines) { line.unit_price = ''; await refreshLine(state, line); }
    rerender();
  });
  validUntil.addEventListener('change', () => { state.valid_until = validUntil.value; });
  const save = h('button', {type: 'submit', class: 'primary'}, editing ? 'Save the draft' : 'Create the quote');
  const form = h('form', {class: 'quote-builder', 'aria-label': 'Quote builder'},
    h('div', {class: 'card'}, field('Customer', customer), field('Valid until', validUntil),
      h('p', {class: 'hint'}, `Approval by a sales manager is needed when a price is more than ${DISCOUNT_LIMIT_PERCENT} % below the list price or the margin is below ${MARGIN_FLOOR_PERCENT} %.`)),
    h('div', {class: 'table-wrap'}, h('table', {class: 'quote-lines'}, h('caption', {}, 'Lines'),
      h('thead', {}, h('tr', {}, ['SKU', 'Quantity', 'Unit', 'List price', 'Quoted price', 'Reason', 'Discount / margin', ''].map((t) => h('th', {scope: 'col'}, t)))),
      body)),
    h('div', {class: 'actions'}, h('button', {type: 'button', onclick: () => { state.lines.push(newLine()); rerender(); }}, 'Add a line'), save),
    problems);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(problems);
    const lines = state.lines.filter((l) => l.sku).map((l) => ({sku: l.sku, quantity: l.quantity, uom: l.uom,
      unit_price: l.unit_price || undefined, reason: l.reason || undefined}));
    if (!state.customer || !lines.length) {
      replace(problems, h('p', {class: 'form-error', role: 'alert'}, 'Choose a customer and add at least one line.'));
      return;
    }
    try {
      const payload = {customer_id: state.customer, valid_until: state.valid_until, lines};
      const quote = editing
        ? await api('PATCH', `/api/v1/quotes/${seg(editing)}`, payload, {headers: {'If-Match': `"${state.row_version}"`}})
        : await post('/api/v1/quotes', payload);
      announce(`Quote ${quote.number || quote.id} saved as a draft.`, 'ok');
      location.hash = `#/quotes/${seg(quote.id)}`;
    } catch (error) {
      replace(problems, errorBox(error, 'The quote was refused'));
    }
  });
  rerender();
  replace(view, h('h1', {}, editing ? 'Edit the draft quote' : 'New quote'), form);
}
