// Catalog browse and search (GET /api/v1/products) with category facets and the
// caller's own prices and tiers; the product page (GET /api/v1/products/{sku}).
import {get, getAll, query, seg} from './api.js';
import {h, replace, field, announce, errorBox, money} from './dom.js';
import {addToCart} from './cart_store.js';
import {priceLines} from './cart_store.js';
import {explanationPanel} from './explain.js';
import {unitsOf, checkQuantity} from './qty.js';

const BUYERS = ['buyer', 'buyer_admin'];

/** The caller's qty-1 price of a product: {unit_price, currency, uom} or null. */
export function priceOf(product) {
  const p = product.price;
  if (p && typeof p === 'object') {
    return {unit_price: p.unit_price ?? p.amount, currency: p.currency || product.currency || '', uom: p.uom || product.base_uom};
  }
  if (p !== undefined && p !== null) return {unit_price: p, currency: product.currency || '', uom: product.base_uom};
  if (product.unit_price) return {unit_price: product.unit_price, currency: product.currency || '', uom: product.base_uom};
  return null;
}

function tiersOf(product) {
  const t = product.tiers || (product.price && product.price.tiers) || [];
  return Array.isArray(t) ? t : [];
}

function stockText(product) {
  const s = product.stock;
  if (s === undefined || s === null) {
    if (product.available !== undefined && product.available !== null) return `${product.available} ${product.base_uom || ''} available`;
    return product.in_stock === false ? 'out of stock' : '';
  }
  if (typeof s === 'object') {
    const available = s.available ?? s.quantity ?? s.on_hand;
    return available !== undefined ? `${available} ${s.uom || product.base_uom || ''} in stock` : '';
  }
  return `${s} in stock`;
}

function categoryOf(product) {
  if (Array.isArray(product.category_path)) return product.category_path.join(' > ');
  return product.category_path || product.category || '';
}

function tierStart(tier, product) {
  const from = String(tier.min_qty ?? tier.quantity ?? '0');
  return from === '0' || from === '1' ? 'any quantity' : `from ${from} ${tier.uom || product.base_uom || ''}`;
}

function tierList(product, price) {
  const tiers = tiersOf(product);
  if (!tiers.length) return null;
  return h('ul', {class: 'tiers', 'aria-label': `Price tiers of ${product.sku}`}, tiers.map((t) =>
    h('li', {}, `${tierStart(t, product)}: ` +
      `${money(t.unit_price, (price && price.currency) || t.currency || '')}${t.list_id ? ` (${t.list_id})` : ''}`)));
}

function facts(product) {
  const units = unitsOf(product);
  const packs = units.slice(1).map((u) => `${u.uom} = ${u.factor} ${units[0].uom}`).join(', ');
  return h('dl', {class: 'facts'},
    h('dt', {}, 'Unit'), h('dd', {}, units[0].uom),
    packs ? [h('dt', {}, 'Packs'), h('dd', {}, packs)] : null,
    h('dt', {}, 'Min. order'), h('dd', {}, `${product.min_order_qty ?? 1} ${units[0].uom}`),
    h('dt', {}, 'Order multiple'), h('dd', {}, `${product.order_multiple ?? 1} ${units[0].uom}`),
    stockText(product) ? [h('dt', {}, 'Stock'), h('dd', {}, stockText(product))] : null);
}

/** Quantity + unit + "Add to cart" for buyers, with the order-multiple check. */
function addForm(me, product) {
  if (!BUYERS.includes(me.role)) return null;
  const units = unitsOf(product);
  const quantity = h('input', {type: 'text', inputmode: 'decimal', value: String(product.min_order_qty ?? 1), size: 6, name: 'quantity'});
  const unit = h('select', {name: 'uom'}, units.map((u) => h('option', {value: u.uom}, u.uom)));
  const problem = h('p', {class: 'form-error', role: 'alert'});
  const form = h('form', {class: 'add-form', 'aria-label': `Add ${product.sku} to cart`},
    field(`Quantity of ${product.sku}`, quantity), field('Unit', unit), h('button', {type: 'submit'}, 'Add to cart'), problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const issue = checkQuantity(product, quantity.value, unit.value);
    problem.textContent = issue ? issue.message : '';
    if (issue) return;
    addToCart(me, [{sku: product.sku, quantity: quantity.value.trim(), uom: unit.value}]);
    announce(`Added ${quantity.value} ${unit.value} of ${product.sku} to the cart.`, 'ok');
  });
  return form;
}

/** A "Why this price?" button that resolves the qty-1 line and shows the explanation. */
function whyButton(me, product) {
  if (!BUYERS.includes(me.role)) return null;
  const holder = h('div', {class: 'why'});
  const button = h('button', {type: 'button', class: 'link', onclick: async () => {
    try {
      const priced = await priceLines([{sku: product.sku, quantity: '1', uom: product.base_uom}]);
      const line = priced.lines[0];
      const panel = line.error ? errorBox(line.error) : explanationPanel(line, priced.currency);
      if (panel.tagName === 'DETAILS') panel.open = true;
      replace(holder, panel);
      const summary = panel.querySelector('summary');
      if (summary) summary.focus();
    } catch (error) {
      replace(holder, errorBox(error));
    }
  }}, 'Why this price?');
  holder.append(button);
  return holder;
}

function productCard(me, product) {
  const price = priceOf(product);
  return h('article', {class: 'product card', 'data-sku': product.sku},
    h('h2', {}, h('a', {href: `#/product/${seg(product.sku)}`}, product.name)),
    h('p', {class: 'sku'}, `SKU ${product.sku}`, product.brand ? ` · ${product.brand}` : '',
      product.customer_part_number ? ` · your part ${product.customer_part_number}` : ''),
    h('p', {class: 'price'}, price ? h('span', {class: 'unit-price'}, money(price.unit_price, price.currency)) : 'no price',
      price ? ` per ${price.uom || product.base_uom || ''}` : ''),
    tierList(product, price), facts(product), whyButton(me, product), addForm(me, product));
}

function facetList(title, values, hrefFor) {
  if (!values || !values.length) return null;
  return h('section', {class: 'facet', 'aria-label': title},
    h('h2', {}, title),
    h('ul', {}, values.map((v) => h('li', {}, h('a', {href: hrefFor(v)}, `${v.value ?? v.name} (${v.count})`)))));
}

function facetValues(page, code) {
  const facets = page.facets || [];
  if (Array.isArray(facets)) {
    const facet = facets.find((f) => f.code === code || f.name === code || f.kind === code);
    return facet ? facet.values || [] : [];
  }
  return facets[code] || [];
}

function catalogHref(params) {
  return `#/catalog${query(params)}`;
}

export async function renderCatalog(view, {me, query: q}) {
  const text = q.get('q') || '';
  const category = q.get('category') || '';
  const brand = q.get('brand') || '';
  const cursor = q.get('cursor') || '';
  const inStock = q.get('in_stock') === 'true';
  // Staff see the prices of the customer they pick (buyers always see their own).
  const customer = BUYERS.includes(me.role) ? '' : q.get('customer_id') || '';
  const page = await get('/api/v1/products' + query({q: text, category, brand, in_stock: inStock ? 'true' : '',
    customer_id: customer, cursor, limit: 24}));
  // Links keep the staff's customer and the stock filter.
  const keep = {customer_id: customer, in_stock: inStock ? 'true' : ''};
  const href = (params) => catalogHref({...keep, ...params});
  let customerSelect = null;
  if (!BUYERS.includes(me.role)) {
    const customers = await getAll('/api/v1/customers').catch(() => []);
    customerSelect = h('select', {name: 'customer_id'}, h('option', {value: ''}, 'no customer (no prices)'),
      customers.map((c) => h('option', {value: c.id, selected: c.id === customer}, `${c.id} — ${c.name}`)));
  }
  const search = h('input', {type: 'search', name: 'q', value: text, placeholder: 'SKU, part number or words'});
  const stockBox = h('input', {type: 'checkbox', name: 'in_stock', checked: inStock, id: 'in-stock'});
  const form = h('form', {role: 'search', class: 'search'}, field('Search the catalog', search),
    customerSelect ? field('Prices for customer', customerSelect) : null,
    h('label', {class: 'check', for: 'in-stock'}, stockBox, ' In stock only'), h('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = href({q: search.value.trim(), category, brand, in_stock: stockBox.checked ? 'true' : '',
      customer_id: customerSelect ? customerSelect.value : ''});
  });
  const brandNote = brand ? h('p', {class: 'crumbs'}, `Brand: ${brand} `, h('a', {href: href({q: text, category})}, '(all brands)')) : null;
  const crumbs = category ? h('p', {class: 'crumbs'}, 'Category: ', category.split(' > ').map((name, i, all) =>
    [i ? ' › ' : '', h('a', {href: href({q: text, category: all.slice(0, i + 1).join(' > ')})}, name)]),
  ' ', h('a', {href: href({q: text}), class: 'clear'}, '(all categories)')) : null;
  const categories = facetList('Categories', facetValues(page, 'category'), (v) =>
    href({q: text, category: v.category || v.path || (category ? `${category} > ${v.value}` : v.value)}));
  const brands = facetList('Brands', facetValues(page, 'brand'), (v) => href({q: text, category, brand: v.value}));
  const items = page.items || [];
  replace(view,
    h('h1', {}, 'Catalog'), form, crumbs, brandNote,
    h('div', {class: 'catalog'},
      h('aside', {class: 'facets'}, categories, brands),
      h('section', {class: 'results', 'aria-label': 'Products'},
        h('p', {class: 'count'}, page.total !== undefined ? `${page.total} products` : `${items.length} products shown`),
        items.length ? items.map((p) => productCard(me, p)) : h('p', {}, 'No products match.'),
        page.next_cursor ? h('a', {class: 'button', href: href({q: text, category, brand, cursor: page.next_cursor})}, 'Next page') : null)));
}

export async function renderProduct(view, {me, params}) {
  let product;
  try {
    product = await get(`/api/v1/products/${seg(params.sku)}`);
  } catch (error) {
    replace(view, h('h1', {}, params.sku), errorBox(error));
    return;
  }
  const price = priceOf(product);
  const attributes = product.attributes || {};
  const attributeRows = Array.isArray(attributes)
    ? attributes.map((a) => [a.name || a.code, `${a.value}${a.unit ? ' ' + a.unit : ''}`])
    : Object.entries(attributes).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  replace(view,
    h('p', {class: 'crumbs'}, h('a', {href: '#/catalog'}, 'Catalog'), categoryOf(product) ? ` › ${categoryOf(product)}` : ''),
    h('h1', {}, product.name),
    h('p', {class: 'sku'}, `SKU ${product.sku}`, product.brand ? ` · ${product.brand}` : '', product.mpn ? ` · MPN ${product.mpn}` : '',
      product.gtin ? ` · GTIN ${product.gtin}` : ''),
    product.description ? h('p', {}, product.description) : null,
    h('div', {class: 'product-detail'},
      h('section', {class: 'card'},
        h('h2', {}, 'Your price'),
        h('p', {class: 'price'}, price ? h('span', {class: 'unit-price'}, money(price.unit_price, price.currency)) : 'no price',
          price ? ` per ${price.uom || product.base_uom}` : ''),
        tierList(product, price), whyButton(me, product), addForm(me, product)),
      h('section', {class: 'card'}, h('h2', {}, 'Details'), facts(product),
        attributeRows.length ? h('dl', {class: 'facts'}, attributeRows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : null)));
}
