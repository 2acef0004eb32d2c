// Small DOM helpers. Text always goes in as text nodes (never innerHTML), so
// nothing the API returns can become markup; markup carries no style attributes
// (the Content-Security-Policy allows none).

/** Creates an element: h('button', {class: 'primary', onclick: fn}, 'Save'). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'value') {
      el.value = value;
    } else if (name === 'checked' || name === 'disabled' || name === 'selected') {
      el[name] = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and nested arrays; skips null/undefined/false. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the content of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let idCounter = 0;
/** A unique id for label/input pairs. */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form control: field('PO number', h('input', {...})). */
export function field(label, control, hint) {
  if (!control.id) control.id = uid();
  const parts = [h('label', {for: control.id}, label), control];
  if (hint) {
    const hintId = uid('hint');
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('small', {id: hintId, class: 'hint'}, hint));
  }
  return h('div', {class: 'field'}, parts);
}

/** Announces a message to screen readers and shows it in the status bar. */
export function announce(message, kind = 'info') {
  const bar = document.getElementById('status');
  if (!bar) return;
  bar.className = `status ${kind}`;
  bar.textContent = message;
  bar.hidden = !message;
}

/** A visible error block for an ApiError or any Error. */
export function errorBox(error, prefix = '') {
  const message = error && error.message ? error.message : String(error);
  return h('div', {class: 'error-box', role: 'alert'}, prefix ? `${prefix}: ${message}` : message);
}

/** "12.3400" and "USD" → "12.3400 USD"; money stays the server's decimal text. */
export function money(value, currency = '') {
  if (value === undefined || value === null || value === '') return '—';
  return currency ? `${value} ${currency}` : String(value);
}

/** A table from column headers and rows of cells (strings or nodes). */
export function table(caption, headers, rows, options = {}) {
  return h('div', {class: 'table-wrap'},
    h('table', {class: options.class || ''},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', {scope: 'col'}, text)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

/** Today as YYYY-MM-DD (UTC, as the server's dates). */
export function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return d.toISOString().slice(0, 10);
}

/** Moves keyboard focus to the page's main heading after a view change. */
export function focusHeading(container) {
  const heading = container.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
