// Quotes: the list, one quote with the actions the caller's role may take
// (submit, send, revise; approve/reject with a note; accept, decline, order), the
// version diff, the rep's quote builder and the manager's approval queue.
import {api, get, query, seg, ApiError} from './api.js';
import {h, replace, field, table, money, announce, errorBox, today} from './dom.js';
import {discountPercent, overDiscountLimit, marginPercent, belowMarginFloor, diffLines, DISCOUNT_LIMIT_PERCENT,
  MARGIN_FLOOR_PERCENT} from './quote_math.js';
import {renderQuoteBuilder} from './quote_builder.js';

export {renderQuoteBuilder};

const STAFF = ['admin', 'sales_manager', 'sales_rep'];
const BUYERS = ['buyer', 'buyer_admin'];
const STATUSES = ['', 'draft', 'pending_approval', 'approved', 'sent', 'accepted', 'declined', 'expired', 'ordered'];

function statusBadge(status) {
  return h('span', {class: `badge status-${status}`}, String(status || '').replace(/_/g, ' '));
}

function quoteTable(caption, quotes) {
  return table(caption, ['Quote', 'Customer', 'Version', 'Status', 'Valid until', 'Total'], quotes.map((q) => [
    h('a', {href: `#/quotes/${seg(q.id)}`}, q.number || String(q.id)), q.customer_id || '', String(q.version ?? ''),
    statusBadge(q.status), q.valid_until || '', money(q.total, q.currency)]));
}

function openByNumber() {
  const id = h('input', {type: 'text', name: 'quote_id'});
  const form = h('form', {class: 'filters', 'aria-label': 'Open a quote'}, field('Quote id', id), h('button', {type: 'submit'}, 'Open'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (id.value.trim()) location.hash = `#/quotes/${seg(id.value.trim())}`;
  });
  return form;
}

export async function renderQuotes(view, {me, query: q}) {
  const status = q.get('status') || '';
  const select = h('select', {name: 'status'}, STATUSES.map((s) => h('option', {value: s, selected: s === status}, s ? s.replace(/_/g, ' ') : 'any')));
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter quotes'}, field('Status', select), h('button', {type: 'submit'}, 'Filter'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = '#/quotes' + query({status: select.value});
  });
  let list;
  try {
    const page = await get('/api/v1/quotes' + query({status, cursor: q.get('cursor') || ''}));
    list = (page.items || []).length ? quoteTable('Quotes', page.items) : h('p', {}, 'No quotes.');
  } catch (error) {
    list = error instanceof ApiError && (error.status === 404 || error.status === 405) ? h('p', {}, 'The quote list is not available; open a quote by its id.') : errorBox(error);
  }
  replace(view, h('h1', {}, 'Quotes'),
    STAFF.includes(me.role) ? h('p', {}, h('a', {class: 'button primary', href: '#/quotes/new'}, 'New quote')) : null,
    filters, list, openByNumber());
}

/** The actions `me` may take on `quote` now: [{action, label, note: required?}]. */
export function actionsFor(me, quote) {
  const s = quote.status;
  const out = [];
  if (STAFF.includes(me.role)) {
    if (s === 'draft') out.push({action: 'submit', label: 'Submit for approval'});
    if (s === 'approved') out.push({action: 'send', label: 'Send to customer'});
    if (['sent', 'declined', 'expired'].includes(s)) out.push({action: 'revise', label: 'Revise (new version)'});
  }
  // Four eyes: only a sales manager approves, never the quote's own rep (the server checks).
  if (me.role === 'sales_manager' && s === 'pending_approval') {
    out.push({action: 'approve', label: 'Approve', note: 'optional'}, {action: 'reject', label: 'Reject', note: 'required'});
  }
  if (BUYERS.includes(me.role) && s === 'sent') out.push({action: 'accept', label: 'Accept'}, {action: 'decline', label: 'Decline', note: 'optional'});
  if (s === 'accepted') out.push({action: 'order', label: 'Place the order', po: true});
  return out;
}

async function runAction(quote, action, note, poNumber) {
  const body = {};
  if (note) body.note = note;
  if (poNumber) body.po_number = poNumber;
  // If-Match: the version this page showed; a write by someone else in between answers 409.
  const headers = quote.row_version !== undefined ? {'If-Match': `"${quote.row_version}"`} : {};
  const answer = await api('POST', `/api/v1/quotes/${seg(quote.id)}/${action}`, body, {headers});
  if (action === 'order') {
    announce(`Order ${answer.number || answer.id} placed from quote ${quote.number}.`, 'ok');
    location.hash = `#/orders/${seg(answer.id)}`;
    return;
  }
  announce(`Quote ${quote.number}: ${action} done (${answer.status || ''}).`, 'ok');
  const target = `#/quotes/${seg(answer.id || quote.id)}`;
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

/** Buttons (and a note field when an action takes one) for the quote's actions. */
export function actionBar(me, quote, problems) {
  const actions = actionsFor(me, quote);
  if (!actions.length) return null;
  const needsNote = actions.some((a) => a.note);
  const note = h('textarea', {name: 'note', rows: 2});
  const po = h('input', {type: 'text', name: 'po_number', maxlength: 64, autocomplete: 'off'});
  return h('div', {class: 'card actions-card'},
    h('h2', {}, 'Actions'),
    needsNote ? field(actions.some((a) => a.note === 'required') ? 'Note (required to reject)' : 'Note (optional)', note) : null,
    actions.some((a) => a.po) ? field('PO number for the order', po, 'Optional; each PO number may be used once.') : null,
    h('div', {class: 'actions'}, actions.map((a) => h('button', {type: 'button', class: a.action === 'reject' || a.action === 'decline' ? '' : 'primary',
      'data-action': a.action, onclick: async (event) => {
        replace(problems);
        if (a.note === 'required' && !note.value.trim()) {
          replace(problems, h('p', {class: 'form-error', role: 'alert'}, 'Write a note to say why.'));
          note.focus();
          return;
        }
        event.target.disabled = true;
        try {
          await runAction(quote, a.action, note.value.trim(), a.po ? po.value.trim() : '');
        } catch (error) {
          replace(problems, errorBox(error, `${a.label} was refused`));
          event.target.disabled = false;
        }
      }}, a.label))));
}

function linesTable(quote) {
  const limit = quote.discount_limit_percent || DISCOUNT_LIMIT_PERCENT;
  // Staff see each line's cost (per line unit), hence its margin.
  const withCost = (quote.lines || []).some((l) => l.cost !== undefined && l.cost !== null);
  const headers = ['#', 'SKU', 'Quantity', 'List price', 'Quoted price', 'Discount', ...(withCost ? ['Margin'] : []), 'Reason'];
  return table('Lines', headers, (quote.lines || []).map((l) => {
    const discount = discountPercent(l.list_price, l.unit_price);
    const over = overDiscountLimit(l.list_price, l.unit_price, limit);
    const margin = withCost && l.cost !== null && l.cost !== undefined ? marginPercent(l.unit_price, l.cost) : null;
    const thin = margin !== null && belowMarginFloor(l.unit_price, l.cost);
    return [String(l.line_no ?? ''), l.sku, `${l.quantity} ${l.uom}`, money(l.list_price), money(l.unit_price),
      discount !== null ? h('span', {class: over ? 'over-limit' : ''}, `${discount} %${over ? ` (above ${limit} %: approval)` : ''}`) : '',
      ...(withCost ? [margin !== null ? h('span', {class: thin ? 'over-limit' : ''}, `${margin} %${thin ? ` (below ${MARGIN_FLOOR_PERCENT} %)` : ''}`) : '—'] : []),
      l.reason || ''];
  }));
}

/** GET /api/v1/quotes/{id}/diff?from=n-1&to=n in the shape of diffLines(). */
async function serverDiff(quote) {
  const d = await get(`/api/v1/quotes/${seg(quote.id)}/diff` + query({from: quote.version - 1, to: quote.version}));
  const fields = (line) => ['quantity', 'uom', 'unit_price', 'reason'].map((f) => ({field: f, from: '', to: line[f] ?? ''}));
  return [
    ...(d.changed || []).map((c) => ({sku: c.sku, kind: 'changed',
      changes: (c.changes || []).map((x) => ({field: x.field, from: x.before, to: x.after}))})),
    ...(d.added || []).map((l) => ({sku: l.sku, kind: 'added', changes: fields(l)})),
    ...(d.removed || []).map((l) => ({sku: l.sku, kind: 'removed', changes: fields(l).map((x) => ({...x, from: x.to, to: ''}))})),
    ...(d.terms || []).map((x) => ({sku: '(quote terms)', kind: 'changed', changes: [{field: x.field, from: x.before, to: x.after}]})),
  ];
}

async function versionDiff(quote) {
  if (!quote.version || quote.version < 2) return null;
  const holder = h('section', {class: 'diff'}, h('h2', {}, `Changes since version ${quote.version - 1}`));
  try {
    const changes = await serverDiff(quote).catch(async () =>
      diffLines((await get(`/api/v1/quotes/${seg(quote.id)}/versions/${quote.version - 1}`)).lines, quote.lines));
    holder.append(changes.length ? table(null, ['SKU', 'Change', 'Details'], changes.map((c) => [c.sku, c.kind,
      c.changes.map((x) => `${x.field}: ${x.from || '—'} → ${x.to || '—'}`).join('; ')])) : h('p', {}, 'No line changed.'));
  } catch (error) {
    holder.append(h('p', {}, `Version ${quote.version - 1} could not be loaded (${error.message}).`));
  }
  return holder;
}

export async function renderQuote(view, {me, params}) {
  const quote = await get(`/api/v1/quotes/${seg(params.id)}`);
  const problems = h('div', {class: 'problems'});
  const history = quote.history || quote.transitions || [];
  replace(view,
    h('p', {class: 'crumbs'}, h('a', {href: '#/quotes'}, 'Quotes')),
    h('h1', {}, `Quote ${quote.number || quote.id}`, quote.version ? ` v${quote.version}` : ''),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Status'), h('dd', {class: 'quote-status'}, statusBadge(quote.status)),
      h('dt', {}, 'Customer'), h('dd', {}, quote.customer_id || ''),
      h('dt', {}, 'Valid until'), h('dd', {}, quote.valid_until || '—'),
      h('dt', {}, 'Total'), h('dd', {class: 'quote-total'}, money(quote.total, quote.currency))),
    linesTable(quote),
    quote.status === 'draft' && STAFF.includes(me.role) ? h('p', {}, h('a', {href: `#/quotes/new?edit=${seg(quote.id)}`}, 'Edit this draft')) : null,
    problems, actionBar(me, quote, problems),
    await versionDiff(quote),
    history.length ? h('section', {}, h('h2', {}, 'History'), table(null, ['When', 'Action', 'From → to', 'Note'], history.map((t) => [
      t.at || t.time || '', t.action || '', `${t.from || ''} → ${t.to || ''}`, t.note || '']))) : null);
}

export async function renderApprovals(view, {me}) {
  let quotes = [];
  let failure = null;
  try {
    quotes = (await get('/api/v1/quotes' + query({status: 'pending_approval'}))).items || [];
  } catch (error) {
    failure = error;
  }
  const cards = [];
  for (const summary of quotes) {
    const quote = summary.lines ? summary : await get(`/api/v1/quotes/${seg(summary.id)}`);
    const problems = h('div', {class: 'problems'});
    cards.push(h('article', {class: 'card approval', 'data-quote': quote.number || quote.id},
      h('h2', {}, h('a', {href: `#/quotes/${seg(quote.id)}`}, `Quote ${quote.number || quote.id}`), ` for ${quote.customer_id}`),
      h('p', {}, `Total ${money(quote.total, quote.currency)}, valid until ${quote.valid_until || '—'}`),
      linesTable(quote), problems, actionBar(me, quote, problems)));
  }
  replace(view, h('h1', {}, 'Approval queue'), failure ? errorBox(failure) : null,
    cards.length ? cards : h('p', {}, 'Nothing waits for your approval.'), h('p', {class: 'hint'}, `Today is ${today()}.`));
}
