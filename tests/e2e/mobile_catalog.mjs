// Acceptance 4: the catalog page at 375 px wide has no horizontal scroll, and the
// portal is usable by keyboard there (sign-in by Tab and Enter, focus on the heading);
// a bookmarked page opens after sign-in; an expired session returns to sign-in.
import {scenario, expect} from './lib/harness.mjs';

scenario('mobile_catalog', async ({page}) => {
  // A bookmarked page asks for sign-in first, then opens.
  await page.goto('/#/quick-order');
  await page.getByLabel('Email').focus();
  await page.keyboard.type('buyer@acme.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('crossdock-demo');
  await page.keyboard.press('Enter');
  await page.getByRole('button', {name: 'Sign out'}).waitFor();
  await page.getByRole('heading', {name: 'Quick order'}).waitFor();
  expect(await page.evaluate(() => document.activeElement && document.activeElement.tagName) === 'H1',
    'focus moves to the page heading');
  await page.goto('/#/catalog?category=Hardware');
  await page.locator('article.product').first().waitFor();
  for (const hash of ['#/catalog', '#/catalog?category=Hardware', '#/quick-order', '#/cart']) {
    await page.goto('/' + hash);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    const {scrollWidth, clientWidth} = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth}));
    expect(scrollWidth <= clientWidth, `${hash}: no horizontal scroll at 375 px (scrollWidth ${scrollWidth} > ${clientWidth})`);
  }
  // Quick order by CSV upload; the checked lines fit the phone's width too.
  await page.goto('/#/quick-order');
  await page.getByLabel(/^Or upload a CSV file/).setInputFiles({name: 'order.csv', mimeType: 'text/csv',
    buffer: Buffer.from('sku,quantity,uom\nSCR-MS-M6X20-SS,100,EA\nNUT-HEX-M8-ZP,1,CS\n')});
  await page.getByText('All 2 lines are valid.').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(width <= 0, `quick-order results: no horizontal scroll at 375 px (${width} px too wide)`);

  // An expired or revoked token: the next call answers 401 and the sign-in form says why.
  await page.evaluate(() => sessionStorage.setItem('crossdock.token', 'cdt_revoked'));
  await page.goto('/#/orders');
  await page.getByText('Your session ended').waitFor();
  await page.getByLabel('Email').waitFor();
}, {viewport: {width: 375, height: 812}});
