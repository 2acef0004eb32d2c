// Acceptance 2: a rep builds a quote over the discount limit, a manager approves
// it, the rep sends it, the buyer accepts it and it becomes an order at the quoted price.
import {scenario, signIn, signOut, expect, apiAs} from './lib/harness.mjs';

const SKU = 'SCR-MS-M6X20-SS';
const QUOTED = '0.0900';  // ACME's price is 0.1144: 21 % off, above the 10 % limit

scenario('quote_approval', async ({page, server}) => {
  await signIn(page, 'rep@crossdock.local');
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'New quote'}).click();
  await page.getByLabel('Customer').selectOption('ACME');
  await page.getByLabel('SKU, line 1').fill(SKU);
  await page.getByLabel('SKU, line 1').press('Tab');
  await page.locator('tr[data-line="1"] td.list-price').filter({hasText: /\d/}).waitFor();
  await page.getByLabel('Quantity, line 1').fill('1000');
  await page.getByLabel('Quantity, line 1').press('Tab');
  await page.locator('tr[data-line="1"] td.list-price').filter({hasText: /\d/}).waitFor();
  await page.getByLabel('Quoted unit price, line 1').fill(QUOTED);
  await page.locator('tr[data-line="1"] .indicators').filter({hasText: 'needs approval'}).waitFor();
  await page.getByLabel('Reason for the price, line 1').fill('competitor offer, 12 months volume');
  await page.getByRole('button', {name: 'Create the quote'}).click();
  await page.getByRole('heading', {name: /^Quote /}).waitFor();
  const quoteHash = new URL(page.url()).hash;
  await page.getByRole('button', {name: 'Submit for approval'}).click();
  await page.locator('.quote-status').filter({hasText: 'pending approval'}).waitFor();
  await signOut(page);

  await signIn(page, 'manager@crossdock.local');
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Approvals'}).click();
  const card = page.locator('article.approval').first();
  await card.waitFor();
  expect((await card.textContent()).includes('above 10 %'), 'the queue shows the line above the discount limit');
  await card.getByLabel(/^Note/).fill('ok for the yearly volume');
  await card.getByRole('button', {name: 'Approve'}).click();
  await page.locator('.quote-status').filter({hasText: 'approved'}).waitFor();
  await signOut(page);

  await signIn(page, 'rep@crossdock.local');
  await page.goto('/' + quoteHash);
  await page.getByRole('button', {name: 'Send to customer'}).click();
  await page.locator('.quote-status').filter({hasText: 'sent'}).waitFor();
  await signOut(page);

  await signIn(page, 'buyer@acme.test');
  await page.goto('/' + quoteHash);
  await page.getByRole('button', {name: 'Accept'}).click();
  await page.locator('.quote-status').filter({hasText: 'accepted'}).waitFor();
  await page.getByRole('button', {name: 'Place the order'}).click();
  await page.getByRole('heading', {name: /^Order /}).waitFor();
  const orderId = decodeURIComponent(page.url().split('#/orders/')[1]);
  const order = await apiAs(server, 'buyer@acme.test', 'GET', `/api/v1/orders/${encodeURIComponent(orderId)}`);
  expect(order.status === 200, `the order exists: ${order.text}`);
  expect(order.json.source === 'quote', `the order comes from the quote: ${order.json.source}`);
  expect(order.json.lines[0].unit_price.startsWith('0.09'), `at the quoted price: ${order.json.lines[0].unit_price}`);
});
