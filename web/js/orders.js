// Orders: the list (GET /api/v1/orders with filters), one order with its lines,
// shipments and invoices (GET /api/v1/orders/{id}), and reorder into the cart.
import {get, post, query, seg} from './api.js';
import {h, replace, field, table, money, announce, errorBox} from './dom.js';
import {addToCart} from './cart_store.js';

const STATUSES = ['', 'received', 'acknowledged', 'on_hold', 'partially_shipped', 'shipped', 'invoiced', 'closed', 'cancelled'];
const BUYERS = ['buyer', 'buyer_admin'];

function statusBadge(status) {
  return h('span', {class: `badge status-${status}`}, String(status || '').replace(/_/g, ' '));
}

export async function renderOrders(view, {me, query: q}) {
  const status = q.get('status') || '';
  const po = q.get('po_number') || '';
  const customer = q.get('customer_id') || '';
  const page = await get('/api/v1/orders' + query({status, po_number: po, customer_id: customer, cursor: q.get('cursor') || ''}));
  const statusSelect = h('select', {name: 'status'}, STATUSES.map((s) => h('option', {value: s, selected: s === status}, s || 'any')));
  const poInput = h('input', {type: 'search', name: 'po_number', value: po});
  const customerInput = BUYERS.includes(me.role) ? null : h('input', {type: 'search', name: 'customer_id', value: customer});
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter orders'},
    field('Status', statusSelect), field('PO number', poInput), customerInput ? field('Customer', customerInput) : null,
    h('button', {type: 'submit'}, 'Filter'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = '#/orders' + query({status: statusSelect.value, po_number: poInput.value.trim(),
      customer_id: customerInput ? customerInput.value.trim() : ''});
  });
  const items = page.items || [];
  replace(view, h('h1', {}, 'Orders'), filters,
    items.length
      ? table('Orders, newest first', ['Order', 'PO number', 'Customer', 'Source', 'Status', 'Total'], items.map((o) => [
        h('a', {href: `#/orders/${seg(o.id)}`}, o.number || String(o.id)), o.po_number || '—', o.customer_id || '',
        o.source || '', statusBadge(o.status), money(o.total, o.currency)]))
      : h('p', {}, 'No orders yet.'),
    page.next_cursor ? h('a', {class: 'button', href: '#/orders' + query({status, po_number: po, customer_id: customer, cursor: page.next_cursor})}, 'Next page') : null);
}

/** The order's shipments or invoices (GET /api/v1/orders/{id}/shipments|invoices); [] when unavailable. */
async function children(order, kind) {
  if (Array.isArray(order[kind])) return order[kind];
  try {
    return (await get(`/api/v1/orders/${seg(order.id)}/${kind}`)).items || [];
  } catch (_) {
    return [];
  }
}

function shipmentsSection(order, shipments) {
  if (!shipments.length) return null;
  return h('section', {}, h('h2', {}, 'Shipments'),
    table(null, ['Shipment', 'Carrier', 'Tracking', 'Date', 'Lines'], shipments.map((s) => [
      s.number || String(s.id), s.carrier || '', s.tracking_number || '', s.ship_date || '',
      (s.lines || []).map((l) => `#${l.line_no}: ${l.quantity}`).join(', ')])));
}

function invoicesSection(order, invoices) {
  if (!invoices.length) return null;
  return h('section', {}, h('h2', {}, 'Invoices'),
    table(null, ['Invoice', 'Date', 'Total'], invoices.map((i) => [i.number || String(i.id), i.issue_date || '', money(i.total, i.currency || order.currency)])));
}

export async function renderOrder(view, {me, params}) {
  const order = await get(`/api/v1/orders/${seg(params.id)}`);
  const lines = order.lines || [];
  const reorder = BUYERS.includes(me.role) ? h('button', {type: 'button', onclick: () => {
    addToCart(me, lines.filter((l) => l.status !== 'rejected').map((l) => ({sku: l.sku, quantity: l.quantity, uom: l.uom,
      customer_part_number: l.customer_part_number})));
    announce(`The lines of order ${order.number} are in the cart, priced for today.`, 'ok');
    location.hash = '#/cart';
  }}, 'Reorder') : null;
  const problems = h('div', {class: 'problems'});
  const cancel = BUYERS.includes(me.role) && ['received', 'on_hold'].includes(order.status)
    ? h('button', {type: 'button', onclick: async () => {
      try {
        await post(`/api/v1/orders/${seg(order.id)}/cancel`, {note: 'cancelled in the portal'});
        announce(`Order ${order.number} cancelled.`, 'ok');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (error) {
        replace(problems, errorBox(error, 'The order could not be cancelled'));
      }
    }}, 'Cancel the order') : null;
  const [shipments, invoices] = await Promise.all([children(order, 'shipments'), children(order, 'invoices')]);
  replace(view,
    h('p', {class: 'crumbs'}, h('a', {href: '#/orders'}, 'Orders')),
    h('h1', {}, `Order ${order.number || order.id}`),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Status'), h('dd', {}, statusBadge(order.status)),
      h('dt', {}, 'PO number'), h('dd', {class: 'po-number'}, order.po_number || '—'),
      h('dt', {}, 'Customer'), h('dd', {}, order.customer_id || ''),
      h('dt', {}, 'Source'), h('dd', {}, order.source || ''),
      (order.hold_reasons || []).length ? [h('dt', {}, 'On hold because'), h('dd', {}, order.hold_reasons.join('; '))] : null,
      h('dt', {}, 'Total'), h('dd', {class: 'order-total'}, money(order.total, order.currency))),
    table('Lines', ['#', 'SKU', 'Your part', 'Quantity', 'Unit price', 'Extended', 'Status'], lines.map((l) => [
      String(l.line_no), h('a', {href: `#/product/${seg(l.sku)}`}, l.sku), l.customer_part_number || '', `${l.quantity} ${l.uom}`,
      money(l.unit_price), money(l.extended), l.status ? statusBadge(l.status) : ''])),
    shipmentsSection(order, shipments), invoicesSection(order, invoices),
    h('div', {class: 'actions'}, reorder, cancel), problems);
}
