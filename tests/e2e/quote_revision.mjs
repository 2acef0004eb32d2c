// A quote's second round: the rep revises a sent quote, edits the new draft in the
// builder (PATCH with If-Match), both the rep and the buyer see the version diff,
// and the buyer declines it.
import {scenario, signIn, signOut, expect, apiAs} from './lib/harness.mjs';

scenario('quote_revision', async ({page, server}) => {
  const rep = (method, path, body) => apiAs(server, 'rep@crossdock.local', method, path, body);
  const created = await rep('POST', '/api/v1/quotes', {customer_id: 'ACME',
    lines: [{sku: 'SCR-MS-M6X20-SS', quantity: '100', uom: 'EA'}, {sku: 'NUT-HEX-M8-ZP', quantity: '24', uom: 'EA'}]});
  expect(created.status === 201, `quote created: ${created.text}`);
  const id = created.json.id;
  for (const action of ['submit', 'send']) {
    const answer = await rep('POST', `/api/v1/quotes/${id}/${action}`, {});
    expect(answer.status === 200, `${action}: ${answer.text}`);
  }

  await signIn(page, 'rep@crossdock.local');
  await page.goto(`/#/quotes/${id}`);
  await page.getByRole('button', {name: 'Revise (new version)'}).click();
  await page.getByRole('heading', {name: /v2$/}).waitFor();
  await page.getByRole('link', {name: 'Edit this draft'}).click();
  await page.getByLabel('Quantity, line 1').fill('500');
  await page.getByLabel('Quantity, line 1').press('Tab');
  await page.locator('tr[data-line="1"] td.list-price').filter({hasText: /\d/}).waitFor();
  await page.getByRole('button', {name: 'Save the draft'}).click();
  const diff = page.locator('section.diff');
  await diff.filter({hasText: 'quantity: 100 → 500'}).waitFor();
  await page.getByRole('button', {name: 'Submit for approval'}).click();
  await page.getByRole('button', {name: 'Send to customer'}).click();
  await page.locator('.quote-status').filter({hasText: 'sent'}).waitFor();
  await signOut(page);

  await signIn(page, 'buyer@acme.test');
  await page.goto(`/#/quotes/${id}`);
  await page.locator('section.diff').filter({hasText: 'quantity: 100 → 500'}).waitFor();
  await page.getByLabel(/^Note/).fill('volume too high for us');
  await page.getByRole('button', {name: 'Decline'}).click();
  await page.locator('.quote-status').filter({hasText: 'declined'}).waitFor();
  const stored = await rep('GET', `/api/v1/quotes/${id}`);
  expect(stored.json.status === 'declined' && stored.json.version === 2, `declined at v2: ${stored.text}`);
});
