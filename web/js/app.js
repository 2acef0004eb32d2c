// The portal shell: sign-in, the role's navigation and the hash router
// (#/catalog, #/orders/42, ...). Each view module renders into <main>.
import {get, signIn, setToken, token, ApiError} from './api.js';
import {h, replace, field, announce, errorBox, focusHeading} from './dom.js';
import {cartLines} from './cart_store.js';
import * as catalog from './catalog.js';
import * as cart from './cart.js';
import * as quickOrder from './quickorder.js';
import * as orders from './orders.js';
import * as quotes from './quotes.js';
import * as edi from './edi.js';

const STAFF = ['admin', 'sales_manager', 'sales_rep'];
const BUYERS = ['buyer', 'buyer_admin'];

const session = {me: null};

/** The views: pattern (segments, ':name' for parameters), module, roles allowed. */
const ROUTES = [
  {path: 'catalog', view: catalog.renderCatalog},
  {path: 'product/:sku', view: catalog.renderProduct},
  {path: 'cart', view: cart.renderCart, roles: BUYERS},
  {path: 'quick-order', view: quickOrder.renderQuickOrder, roles: BUYERS},
  {path: 'orders', view: orders.renderOrders},
  {path: 'orders/:id', view: orders.renderOrder},
  {path: 'quotes', view: quotes.renderQuotes},
  {path: 'quotes/new', view: quotes.renderQuoteBuilder, roles: STAFF},
  {path: 'quotes/:id', view: quotes.renderQuote},
  {path: 'approvals', view: quotes.renderApprovals, roles: ['sales_manager', 'admin']},
  {path: 'edi', view: edi.renderMonitor, roles: ['admin', 'sales_manager']},
  {path: 'edi/:id', view: edi.renderMessage, roles: ['admin', 'sales_manager']},
  {path: 'partners', view: edi.renderPartners, roles: ['admin']},
];

function navItems(role) {
  const items = [['#/catalog', 'Catalog']];
  if (BUYERS.includes(role)) {
    items.push(['#/quick-order', 'Quick order'], ['#/cart', `Cart (${cartLines(session.me).length})`]);
  }
  items.push(['#/orders', 'Orders'], ['#/quotes', 'Quotes']);
  if (STAFF.includes(role)) items.push(['#/quotes/new', 'New quote']);
  if (role === 'sales_manager' || role === 'admin') items.push(['#/approvals', 'Approvals']);
  if (role === 'admin' || role === 'sales_manager') items.push(['#/edi', 'EDI monitor']);
  if (role === 'admin') items.push(['#/partners', 'Partners']);
  return items;
}

function renderNav() {
  const nav = document.getElementById('nav');
  const user = document.getElementById('user');
  if (!session.me) {
    replace(nav);
    replace(user);
    return;
  }
  const current = location.hash.split('?')[0];
  replace(nav, h('ul', {}, navItems(session.me.role).map(([href, label]) =>
    h('li', {}, h('a', {href, 'aria-current': current === href ? 'page' : null}, label)))));
  replace(user,
    h('span', {class: 'who'}, `${session.me.email || ''} (${session.me.role}${session.me.company_id ? ', ' + session.me.company_id : ''})`),
    h('button', {type: 'button', class: 'link', onclick: signOut}, 'Sign out'));
}

function homeFor(role) {
  if (role === 'sales_manager') return '#/approvals';
  if (role === 'sales_rep') return '#/quotes';
  if (role === 'admin') return '#/edi';
  return '#/catalog';
}

function signOut() {
  setToken(null);
  session.me = null;
  location.hash = '#/login';
  route();
}

function renderLogin(main, message) {
  const email = h('input', {type: 'email', name: 'email', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
  const problem = h('div', {role: 'alert', class: 'form-error'}, message || '');
  const form = h('form', {class: 'card narrow', 'aria-labelledby': 'login-title'},
    h('h1', {id: 'login-title'}, 'Sign in to Crossdock'),
    field('Email', email), field('Password', password), problem,
    h('button', {type: 'submit', class: 'primary'}, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    try {
      session.me = await signIn(email.value.trim(), password.value);
      // Stay on the page that was asked for (a bookmark, or where the session ended).
      const wanted = matchRoute(location.hash || '') ? location.hash : homeFor(session.me.role);
      if (location.hash === wanted) route();
      else location.hash = wanted;
    } catch (error) {
      problem.textContent = error instanceof ApiError && error.status === 401
        ? 'Wrong email or password.' : error.message;
    }
  });
  replace(main, form);
  email.focus();
}

function matchRoute(hash) {
  const [path, queryText = ''] = hash.replace(/^#\/?/, '').split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const r of ROUTES) {
    const pattern = r.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params = {};
    const ok = pattern.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = segments[i]), true) : p === segments[i]));
    if (ok) return {route: r, params, query: new URLSearchParams(queryText)};
  }
  return null;
}

async function ensureSession() {
  if (session.me || !token()) return session.me;
  try {
    session.me = await get('/api/v1/me');
  } catch (_) {
    setToken(null);
  }
  return session.me;
}

let generation = 0;

async function route() {
  const main = document.getElementById('main');
  const mine = ++generation;
  announce('');
  await ensureSession();
  if (mine !== generation) return;
  renderNav();
  if (!session.me) {
    renderLogin(main, sessionStorage.getItem('crossdock.signout') || '');
    sessionStorage.removeItem('crossdock.signout');
    return;
  }
  const match = matchRoute(location.hash || '');
  if (!match) {
    location.replace(homeFor(session.me.role));
    return;
  }
  if (match.route.roles && !match.route.roles.includes(session.me.role)) {
    replace(main, h('h1', {}, 'Not available'), h('p', {}, 'This page is not available for your role.'));
    return;
  }
  replace(main, h('p', {class: 'loading'}, 'Loading…'));
  const view = h('div', {class: 'view'});
  try {
    await match.route.view(view, {me: session.me, params: match.params, query: match.query});
  } catch (error) {
    view.append(errorBox(error));
  }
  if (mine !== generation) return;
  replace(main, view);
  focusHeading(view);
}

// The skip link must not touch the hash (the router owns it): focus <main> instead.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('hashchange', route);
window.addEventListener('crossdock:cart', renderNav);
window.addEventListener('crossdock:signedout', (event) => {
  session.me = null;
  sessionStorage.setItem('crossdock.signout', `Your session ended (${event.detail}). Please sign in again.`);
  route();  // the sign-in form, on the same address: signing in comes back here
});
route();
