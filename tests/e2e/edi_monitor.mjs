// Acceptance 3: an operator finds an ingested 850 in the EDI monitor, sees its 997
// among the related messages and opens the raw documents. The trading partner is
// onboarded through the API (POST /api/v1/partners) and the 850 arrives through
// POST /edi/inbound with the partner's API key, as a partner's ERP would send it.
import {readFileSync} from 'node:fs';
import {scenario, signIn, expect, apiAs} from './lib/harness.mjs';

const PO = readFileSync(new URL('./data/e2e_850.edi', import.meta.url), 'utf8');
const PARTNER = {
  id: 'E2E-ACME-X12', name: 'Acme e2e (X12)', customer_id: 'ACME', formats: ['x12-004010'],
  x12: {isa_qualifier: 'ZZ', isa_id: 'E2EACMEBUYER', gs_id: 'E2EACME'},
  item_xref: [{partner_item: 'AC-100234', sku: 'SCR-MS-M6X20-SS'}, {partner_item: 'AC-200871', sku: 'BLT-HEX-M10X50-ZP'}],
  uom_map: {CA: 'CS', EA: 'EA'},
};

async function ingest(server) {
  const created = await apiAs(server, 'admin@crossdock.local', 'POST', '/api/v1/partners', PARTNER);
  expect(created.status === 201 && created.json.api_key, `the partner is created: ${created.status} ${created.text}`);
  const answer = await fetch(`${server.url}/edi/inbound`, {method: 'POST', body: PO,
    headers: {Authorization: `Bearer ${created.json.api_key}`, 'Content-Type': 'application/edi-x12'}});
  const text = await answer.text();
  expect(answer.status === 202, `the 850 is accepted: ${answer.status} ${text}`);
  return JSON.parse(text).message_id;
}

scenario('edi_monitor', async ({page, server}) => {
  const messageId = await ingest(server);
  await signIn(page, 'admin@crossdock.local');
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'EDI monitor'}).click();
  await page.getByRole('heading', {name: 'EDI monitor'}).waitFor();
  expect(await page.locator('figure svg.chart').count() === 1, 'the monitor shows the per-hour chart');

  // The inbound 850 from the partner.
  const row = page.locator('tbody tr', {hasText: PARTNER.id}).filter({hasText: 'inbound'}).filter({hasText: '850'});
  await row.first().waitFor();
  await row.first().getByRole('link', {name: `#${messageId}`}).click();
  await page.getByRole('heading', {name: `Message #${messageId}`}).waitFor();
  await page.getByRole('button', {name: 'Show the raw document'}).click();
  const raw = page.getByLabel('Raw document');
  await raw.waitFor();
  expect((await raw.textContent()).includes('BEG*00*SA*PO-EDI-4711'), 'the raw 850 is shown unchanged');

  // Its functional acknowledgement among the related messages.
  const related = page.locator('table', {has: page.locator('caption', {hasText: 'Related messages'})});
  const ack = related.locator('tbody tr', {hasText: '997'});
  await ack.first().waitFor();
  const ackLink = ack.first().getByRole('link');
  const ackName = (await ackLink.textContent()).trim();
  await ackLink.click();
  await page.getByRole('heading', {name: `Message ${ackName}`}).waitFor();
  await page.getByRole('button', {name: 'Show the raw document'}).click();
  await page.getByLabel('Raw document').filter({hasText: 'ST*997'}).waitFor();
});
