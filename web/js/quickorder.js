// Quick order: paste "SKU or own part number, quantity, unit" lines or upload a
// CSV; every line is checked (item known, unit, minimum, order multiple) and can
// be fixed in place before anything goes to the cart.
import {get, query, seg, ApiError} from './api.js';
import {h, replace, field, announce} from './dom.js';
import {addToCart} from './cart_store.js';
import {parseQuickOrder, checkQuantity, unitsOf, productMatchesCode, isPartNumberOf} from './qty.js';

/** The product named by `code` (SKU first, then the caller's part numbers, MPN, GTIN), or null. */
export async function findProduct(code) {
  try {
    return await get(`/api/v1/products/${seg(code)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
  }
  const page = await get('/api/v1/products' + query({q: code, limit: 5}));
  const hits = page.items || [];
  const exact = hits.find((p) => productMatchesCode(p, code));
  if (exact) return exact;
  const first = hits[0];
  // The search ranks an exact code or part-number match first and marks it.
  if (first && (first.match === 'part_number' || first.matched_part_number === code || (first.score ?? 0) >= 1000)) return first;
  return null;
}

async function checkLine(entry) {
  if (entry.error) return entry;
  const product = await findProduct(entry.code);
  if (!product) return {...entry, error: `"${entry.code}" is neither a SKU nor one of your part numbers`};
  const uom = entry.uom || unitsOf(product)[0].uom;
  const checked = {...entry, uom, product, sku: product.sku,
    customer_part_number: isPartNumberOf(product, entry.code) ? entry.code : undefined};
  if (product.status && product.status !== 'active') {
    return {...checked, error: `${product.sku} is ${product.status} and cannot be ordered`};
  }
  const issue = checkQuantity(product, entry.quantity, uom);
  return {...checked, error: issue ? issue.message : undefined};
}

function lineRow(entry, onChange) {
  const status = entry.error
    ? h('span', {class: 'form-error', role: 'alert'}, entry.error)
    : h('span', {class: 'ok'}, '✓ ok');
  if (!entry.product) {
    return h('tr', {class: entry.error ? 'bad' : 'good', 'data-line': entry.line},
      h('td', {}, String(entry.line)), h('td', {}, entry.code), h('td', {}, entry.quantity), h('td', {}, entry.uom), h('td', {}, status));
  }
  const quantity = h('input', {type: 'text', inputmode: 'decimal', value: entry.quantity, size: 6, name: `line-${entry.line}-qty`,
    'aria-label': `Quantity, line ${entry.line} (${entry.code})`});
  const unit = h('select', {name: `line-${entry.line}-uom`, 'aria-label': `Unit, line ${entry.line} (${entry.code})`},
    unitsOf(entry.product).map((u) => h('option', {value: u.uom, selected: u.uom === entry.uom}, u.uom)));
  const update = () => {
    const issue = checkQuantity(entry.product, quantity.value.trim(), unit.value);
    onChange({...entry, quantity: quantity.value.trim(), uom: unit.value, error: issue ? issue.message : undefined});
  };
  quantity.addEventListener('change', update);
  unit.addEventListener('change', update);
  return h('tr', {class: entry.error ? 'bad' : 'good', 'data-line': entry.line},
    h('td', {}, String(entry.line)),
    h('td', {}, entry.code, entry.customer_part_number ? h('div', {class: 'hint'}, `= ${entry.sku}`) : null),
    h('td', {}, quantity), h('td', {}, unit), h('td', {}, status));
}

function resultsTable(me, holder, entries) {
  const render = () => {
    const bad = entries.filter((e) => e.error).length;
    const add = h('button', {type: 'button', class: 'primary', disabled: bad > 0 || !entries.length, onclick: () => {
      addToCart(me, entries.map((e) => ({sku: e.sku, quantity: e.quantity, uom: e.uom, customer_part_number: e.customer_part_number})));
      announce(`${entries.length} lines added to the cart.`, 'ok');
      location.hash = '#/cart';
    }}, `Add ${entries.length} lines to cart`);
    replace(holder,
      h('p', {class: bad ? 'form-error' : 'ok', role: 'status'}, bad ? `${bad} of ${entries.length} lines need attention.` : `All ${entries.length} lines are valid.`),
      h('div', {class: 'table-wrap'}, h('table', {class: 'quick-lines'},
        h('caption', {}, 'Checked lines'),
        h('thead', {}, h('tr', {}, ['Line', 'SKU / part number', 'Quantity', 'Unit', 'Check'].map((t) => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, entries.map((e, i) => lineRow(e, (changed) => {
          entries[i] = changed;
          render();
          const again = holder.querySelector(`[name="line-${changed.line}-qty"]`);
          if (again) again.focus();
        }))))),
      add);
  };
  render();
}

export async function renderQuickOrder(view, {me}) {
  const text = h('textarea', {name: 'lines', rows: 8, spellcheck: 'false',
    placeholder: 'SCR-MS-M6X20-SS, 100, EA\nAC-100234, 2, CS'});
  const file = h('input', {type: 'file', name: 'csv', accept: '.csv,text/csv,text/plain'});
  const results = h('div', {class: 'quick-results'});
  const check = async () => {
    const entries = parseQuickOrder(text.value);
    if (!entries.length) {
      replace(results, h('p', {class: 'form-error', role: 'alert'}, 'Enter at least one line.'));
      return;
    }
    replace(results, h('p', {}, `Checking ${entries.length} lines…`));
    const checked = [];
    for (const entry of entries) checked.push(await checkLine(entry));
    resultsTable(me, results, checked);
  };
  file.addEventListener('change', async () => {
    if (!file.files.length) return;
    text.value = await file.files[0].text();
    await check();
  });
  const form = h('form', {class: 'card', 'aria-label': 'Quick order'},
    field('Lines: SKU or your part number, quantity, unit (one per line)', text,
      'Separate fields with commas, semicolons, tabs or spaces. The unit defaults to the item\'s base unit.'),
    field('Or upload a CSV file (sku,quantity,uom)', file),
    h('button', {type: 'submit', class: 'primary'}, 'Check lines'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  replace(view, h('h1', {}, 'Quick order'), form, results);
}
