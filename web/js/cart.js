// The cart: re-priced by the server as quantities change (tiers, "add N to reach
// the next tier", why this price); place an order with a PO number or request a
// quote from it.
import {post, seg, ApiError} from './api.js';
import {h, replace, field, announce, errorBox, money} from './dom.js';
import {cartLines, saveCart, clearCart, priceLines} from './cart_store.js';
import {explanationPanel, nextTierHint} from './explain.js';
import {scaled} from './qty.js';

/** Per-line messages of an order refused as a whole (details.lines or details.errors). */
export function lineErrors(error) {
  const details = (error && error.details) || {};
  const list = details.lines || details.errors || details.line_errors || [];
  return Array.isArray(list) ? list : [];
}

/** The message shown for a refused order; 409 names the PO number clearly. */
export function orderErrorMessage(error, poNumber) {
  if (error instanceof ApiError && error.status === 409) {
    const existing = error.details.order_number || error.details.number || error.details.order_id || '';
    return `PO number "${poNumber}" was already used for another order${existing ? ` (${existing})` : ''}. ` +
      'Use a new PO number.';
  }
  return error.message;
}

function lineRow(me, view, lines, index, priced, currency) {
  const line = lines[index];
  const result = priced ? priced[index] : null;
  const quantity = h('input', {type: 'text', inputmode: 'decimal', value: line.quantity, size: 6, name: `qty-${index}`});
  quantity.addEventListener('change', () => {
    if (scaled(quantity.value) === null || scaled(quantity.value) <= 0n) {
      announce(`Quantity "${quantity.value}" is not a number above 0.`, 'error');
      return;
    }
    lines[index].quantity = quantity.value.trim();
    saveCart(me, lines);
    renderCart(view, {me});
  });
  const remove = h('button', {type: 'button', class: 'link', onclick: () => {
    lines.splice(index, 1);
    saveCart(me, lines);
    renderCart(view, {me});
  }}, `Remove ${line.sku}`);
  const hint = result && !result.error ? nextTierHint({...result, quantity: line.quantity, uom: line.uom}) : '';
  return h('tr', {'data-sku': line.sku},
    h('th', {scope: 'row'}, h('a', {href: `#/product/${seg(line.sku)}`}, line.sku),
      line.customer_part_number ? h('div', {class: 'hint'}, `your part ${line.customer_part_number}`) : null),
    h('td', {}, h('label', {class: 'sr-only', for: quantity.id = `qty-${index}`}, `Quantity of ${line.sku}`), quantity, ` ${line.uom}`),
    h('td', {class: 'num unit-price'}, result && !result.error ? result.unit_price : '—'),
    h('td', {class: 'num extended'}, result && !result.error ? result.extended : '—'),
    h('td', {},
      result && result.error ? h('p', {class: 'form-error'}, result.error.message || result.error.code) : null,
      hint ? h('p', {class: 'next-tier-hint'}, hint) : null,
      result && !result.error ? explanationPanel({...result, quantity: line.quantity, uom: line.uom}, currency) : null,
      remove));
}

function orderForm(me, view, lines, problems) {
  const po = h('input', {type: 'text', name: 'po_number', required: true, maxlength: 64, autocomplete: 'off'});
  const notes = h('textarea', {name: 'notes', rows: 2});
  const place = h('button', {type: 'submit', class: 'primary'}, 'Place order');
  const rfq = h('button', {type: 'button'}, 'Request a quote');
  const form = h('form', {class: 'card order-form', 'aria-label': 'Place the order'},
    h('h2', {}, 'Place the order'), field('PO number', po, 'Your purchase order number; each may be used once.'),
    field('Notes', notes), h('div', {class: 'actions'}, place, rfq));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(problems);
    const body = {po_number: po.value.trim(), source: 'portal', notes: notes.value.trim() || undefined,
      lines: lines.map((l) => ({sku: l.sku, customer_part_number: l.customer_part_number, quantity: l.quantity, uom: l.uom}))};
    place.disabled = true;
    try {
      const order = await post('/api/v1/orders', body);
      clearCart(me);
      announce(`Order ${order.number || order.id} placed.`, 'ok');
      location.hash = `#/orders/${seg(order.id)}`;
    } catch (error) {
      replace(problems, h('div', {class: 'error-box', role: 'alert'}, h('p', {}, orderErrorMessage(error, body.po_number)),
        h('ul', {}, lineErrors(error).map((e) => h('li', {}, `${e.line_no ? 'line ' + e.line_no + ': ' : ''}${e.sku ? e.sku + ': ' : ''}${e.message || e.code}`)))));
      problems.querySelector('[role=alert]').focus?.();
    } finally {
      place.disabled = false;
    }
  });
  rfq.addEventListener('click', async () => {
    replace(problems);
    try {
      const quote = await post('/api/v1/quotes', {customer_id: me.company_id,
        lines: lines.map((l) => ({sku: l.sku, quantity: l.quantity, uom: l.uom})), notes: notes.value.trim() || undefined});
      announce(`Quote request ${quote.number || quote.id} sent to your sales rep.`, 'ok');
      location.hash = `#/quotes/${seg(quote.id)}`;
    } catch (error) {
      replace(problems, errorBox(error, 'The quote request was refused'));
    }
  });
  return form;
}

export async function renderCart(view, {me}) {
  const lines = cartLines(me);
  if (!lines.length) {
    replace(view, h('h1', {}, 'Cart'), h('p', {}, 'Your cart is empty. ', h('a', {href: '#/catalog'}, 'Browse the catalog'),
      ' or use ', h('a', {href: '#/quick-order'}, 'quick order'), '.'));
    return;
  }
  let priced = null;
  let failure = null;
  try {
    priced = await priceLines(lines);
  } catch (error) {
    failure = error;
  }
  const currency = priced ? priced.currency : '';
  const problems = h('div', {class: 'problems', tabindex: '-1'});
  replace(view,
    h('h1', {}, 'Cart'),
    failure ? errorBox(failure, 'The cart could not be priced') : null,
    h('div', {class: 'table-wrap'}, h('table', {class: 'cart'},
      h('caption', {}, `Prices for ${me.company_id || 'you'}, today`),
      h('thead', {}, h('tr', {}, ['SKU', 'Quantity', 'Unit price', 'Extended', ''].map((t) => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, lines.map((_, i) => lineRow(me, view, lines, i, priced && priced.lines, currency))),
      h('tfoot', {}, h('tr', {}, h('th', {scope: 'row', colspan: 3}, 'Total'),
        h('td', {class: 'num', id: 'cart-total'}, priced ? money(priced.total, currency) : '—'), h('td', {}))))),
    problems, orderForm(me, view, lines, problems));
}
