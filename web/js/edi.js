// Operators: the EDI message monitor (GET /api/v1/edi/messages), one message
// with its errors, related acknowledgements and raw document, replay, a chart of
// messages per hour by status, and the trading partners.
import {get, post, query, seg, getAll, ApiError} from './api.js';
import {h, replace, field, table, announce, errorBox} from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function statusBadge(status) {
  return h('span', {class: `badge status-${status}`}, String(status || '').replace(/_/g, ' '));
}

function timeOf(message) {
  return message.received_at || message.created_at || message.at || message.time || '';
}

/** Messages per hour by status over the last 24 hours: {hours: [Date], series: {status: [counts]}}. */
export function perHour(messages, now = Date.now()) {
  const start = Math.floor(now / 3600000) * 3600000 - 23 * 3600000;
  const hours = Array.from({length: 24}, (_, i) => start + i * 3600000);
  const series = {};
  for (const m of messages) {
    const t = Date.parse(timeOf(m));
    if (Number.isNaN(t) || t < start) continue;
    const slot = Math.min(23, Math.floor((t - start) / 3600000));
    const status = m.status || 'unknown';
    if (!series[status]) series[status] = new Array(24).fill(0);
    series[status][slot] += 1;
  }
  return {hours, series};
}

/** A colour class by meaning: green done, red failed, blue waiting or in flight, grey else. */
function tone(status) {
  if (/^(processed|accepted|delivered|sent|acknowledged|done)$/.test(status)) return 'tone-ok';
  if (/(fail|reject|error|dead|invalid|duplicate)/.test(status)) return 'tone-bad';
  if (/^(received|ready|pending|queued|retrying|processing)$/.test(status)) return 'tone-wait';
  return 'tone-other';
}

function chart(messages) {
  const {hours, series} = perHour(messages);
  const statuses = Object.keys(series).sort();
  const totals = hours.map((_, i) => statuses.reduce((sum, s) => sum + series[s][i], 0));
  const max = Math.max(1, ...totals);
  const width = 480;
  const height = 160;
  const bar = width / 24;
  const picture = svg('svg', {viewBox: `0 0 ${width} ${height + 20}`, class: 'chart', role: 'img',
    'aria-label': `Messages per hour by status, last 24 hours: ${statuses.map((s) => `${s} ${series[s].reduce((a, b) => a + b, 0)}`).join(', ') || 'none'}`});
  hours.forEach((hour, i) => {
    let y = height;
    statuses.forEach((s) => {
      const count = series[s][i];
      if (!count) return;
      const hgt = (count / max) * (height - 10);
      y -= hgt;
      picture.append(svg('rect', {x: i * bar + 1, y, width: bar - 2, height: hgt, class: `bar ${tone(s)}`},
        svg('title', {}, `${new Date(hour).toISOString().slice(11, 16)} UTC: ${count} ${s}`)));
    });
    if (i % 6 === 0) picture.append(svg('text', {x: i * bar, y: height + 16, class: 'axis'}, new Date(hour).toISOString().slice(11, 16)));
  });
  const legend = h('ul', {class: 'legend'}, statuses.map((s) => h('li', {}, h('span', {class: `swatch ${tone(s)}`, 'aria-hidden': 'true'}), ` ${s}`)));
  return h('figure', {class: 'card'}, picture, h('figcaption', {}, 'Messages per hour by status (UTC, last 24 h)'), legend);
}

export async function renderMonitor(view, {query: q}) {
  const params = {partner_id: q.get('partner_id') || '', direction: q.get('direction') || '', status: q.get('status') || ''};
  const page = await get('/api/v1/edi/messages' + query({...params, cursor: q.get('cursor') || ''}));
  let recent = page.items || [];
  try { recent = await getAll('/api/v1/edi/messages', {}, 1000); } catch (_) { /* chart from this page */ }
  const direction = h('select', {name: 'direction'}, ['', 'inbound', 'outbound'].map((d) => h('option', {value: d, selected: d === params.direction}, d || 'both')));
  const status = h('input', {type: 'search', name: 'status', value: params.status});
  const partner = h('input', {type: 'search', name: 'partner_id', value: params.partner_id});
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter messages'},
    field('Direction', direction), field('Status', status), field('Partner', partner), h('button', {type: 'submit'}, 'Filter'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = '#/edi' + query({direction: direction.value, status: status.value.trim(), partner_id: partner.value.trim()});
  });
  const items = page.items || [];
  replace(view, h('h1', {}, 'EDI monitor'), chart(recent), filters,
    items.length ? table('Messages, newest first', ['Message', 'Direction', 'Partner', 'Format', 'Type', 'Status', 'Received', 'Order'], items.map((m) => [
      h('a', {href: `#/edi/${seg(m.id)}`}, `#${m.id}`), m.direction || '', m.partner_id || '', m.format || '', m.document_type || m.type || '',
      statusBadge(m.status), timeOf(m), m.order_id ? h('a', {href: `#/orders/${seg(m.order_id)}`}, String(m.order_id)) : ''])) : h('p', {}, 'No messages.'),
    page.next_cursor ? h('a', {class: 'button', href: '#/edi' + query({...params, cursor: page.next_cursor})}, 'Next page') : null);
}

function errorsTable(errors) {
  if (!errors || !errors.length) return h('p', {}, 'No errors.');
  return table('Errors', ['Segment', 'Element', 'Code', 'Message'], errors.map((e) => [
    String(e.segment ?? ''), String(e.element ?? ''), String(e.code ?? ''), e.message || '']));
}

async function relatedList(message) {
  const related = message.related || [];
  if (!related.length) return h('p', {}, 'No related messages.');
  const rows = [];
  for (const id of related) {
    const ref = typeof id === 'object' ? id : {id};
    let other = ref;
    try { other = await get(`/api/v1/edi/messages/${seg(ref.id)}`); } catch (_) { /* link only */ }
    rows.push([h('a', {href: `#/edi/${seg(ref.id)}`}, `#${ref.id}`), other.direction || '', other.format || '',
      other.document_type || other.type || '', other.status ? statusBadge(other.status) : '']);
  }
  return table('Related messages (acknowledgements and responses)', ['Message', 'Direction', 'Format', 'Type', 'Status'], rows);
}

export async function renderMessage(view, {params}) {
  const message = await get(`/api/v1/edi/messages/${seg(params.id)}`);
  const raw = h('pre', {class: 'raw', tabindex: '0', 'aria-label': 'Raw document'});
  const rawSection = h('section', {class: 'raw-section', hidden: true}, h('h2', {}, 'Raw document'), raw);
  const problems = h('div', {class: 'problems'});
  const showRaw = h('button', {type: 'button', onclick: async () => {
    try {
      raw.textContent = await get(`/api/v1/edi/messages/${seg(message.id)}/raw`, {raw: true});
      rawSection.hidden = false;
      raw.focus();
    } catch (error) {
      replace(problems, errorBox(error));
    }
  }}, 'Show the raw document');
  const replay = h('button', {type: 'button', onclick: async () => {
    try {
      const answer = await post(`/api/v1/edi/messages/${seg(message.id)}/replay`);
      announce(`Message #${message.id} replayed${answer && answer.message_id ? ` as #${answer.message_id}` : ''}.`, 'ok');
    } catch (error) {
      replace(problems, errorBox(error, error instanceof ApiError && error.status === 404 ? 'Replay is not available' : 'Replay failed'));
    }
  }}, 'Replay');
  replace(view,
    h('p', {class: 'crumbs'}, h('a', {href: '#/edi'}, 'EDI monitor')),
    h('h1', {}, `Message #${message.id}`),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Direction'), h('dd', {}, message.direction || ''),
      h('dt', {}, 'Partner'), h('dd', {}, message.partner_id || ''),
      h('dt', {}, 'Format'), h('dd', {}, message.format || ''),
      message.document_type || message.type ? [h('dt', {}, 'Type'), h('dd', {}, message.document_type || message.type)] : null,
      h('dt', {}, 'Status'), h('dd', {}, statusBadge(message.status)),
      h('dt', {}, 'Received'), h('dd', {}, timeOf(message)),
      message.order_id ? [h('dt', {}, 'Order'), h('dd', {}, h('a', {href: `#/orders/${seg(message.order_id)}`}, String(message.order_id)))] : null),
    h('section', {}, h('h2', {}, 'Errors'), errorsTable(message.errors)),
    h('section', {}, h('h2', {}, 'Related'), await relatedList(message)),
    h('div', {class: 'actions'}, showRaw, replay), problems, rawSection);
}

export async function renderPartners(view) {
  let partners = [];
  let failure = null;
  try { partners = await getAll('/api/v1/partners'); } catch (error) { failure = error; }
  replace(view, h('h1', {}, 'Trading partners'), failure ? errorBox(failure) : null,
    partners.length ? table('Partners', ['Partner', 'Name', 'Customer', 'Formats', 'Messages'], partners.map((p) => [
      p.id, p.name || '', p.customer_id || '', (p.formats || []).join(', '),
      h('a', {href: '#/edi' + query({partner_id: p.id})}, 'messages')])) : (failure ? null : h('p', {}, 'No partners.')));
}
