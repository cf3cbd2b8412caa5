// The dashboard in real Chromium after a seeded history (test/analytics/seed.ts): sign-in with the
// API key, charts with the expected figures and their labels, no console errors, no horizontal
// overflow at 375 and 1200 px. Screenshots land in .screenshots/ for a person to look at.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { EVENT_STORE } from '../../apps/api/analytics/event-store.token';
import type { EventStore } from '../../storage/event-store';
import { type ApiUnderTest, call, useApi } from '../api/support/api-harness';
import { launchBrowser, openPage, overflowsHorizontally, screenshot } from '../support/browser';
import { SEED_RANGE, seed } from './seed';

const API_KEY = 'dashboard-test-api-key-0123456789abcdef';
const api: ApiUnderTest = useApi({
  API_KEY,
  ANALYTICS_MIN_SAMPLE: '2',
  TEMPORAL_UI_URL: 'http://temporal-ui.test:8080',
});
const RANGE = `from=${SEED_RANGE.from}&to=${SEED_RANGE.to}`;

async function signIn(page: Page, key: string): Promise<number | undefined> {
  await page.goto(`${api.url}/dashboard/sign-in`);
  await page.fill('input[name=key]', key);
  const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return response?.status();
}

const labelOf = (page: Page, section: string) =>
  page.getAttribute(`#${section} [role=img]`, 'aria-label').then((l) => l ?? '');

describe('dashboard', () => {
  let browser: Browser;
  before(async () => {
    await seed(api.app.get<EventStore>(EVENT_STORE), 'dash');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('behind the API key: the sign-in form without it, the page with it', async () => {
    const anonymous = await call(`${api.url}/dashboard`, 'GET');
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.body, /<form method="post" action="\/dashboard\/sign-in">/);
    const forged = await call(`${api.url}/dashboard`, 'GET', undefined, { cookie: 'cr_dashboard=forged' });
    assert.equal(forged.status, 401);
    const withKey = await call(`${api.url}/dashboard?${RANGE}`, 'GET', undefined, { 'x-api-key': API_KEY });
    assert.equal(withKey.status, 200);
    assert.match(withKey.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(withKey.headers.get('cache-control'), 'no-store');
  });

  test('a wrong key is refused with the form again', async () => {
    const { page, problems } = await openPage(browser, 375);
    assert.equal(await signIn(page, 'not-the-key'), 401);
    assert.match((await page.textContent('[role=alert]')) ?? '', /not the API key/);
    await page.context().close();
    // A wrong key's 401 is the page Chromium reports; nothing else.
    assert.deepEqual(
      problems.filter((p) => !p.includes('401')),
      [],
    );
  });

  for (const width of [375, 1200]) {
    test(`at ${width} px: charts with the seeded figures, labels, tables, links; no errors, no overflow`, async () => {
      const { page, problems } = await openPage(browser, width);
      assert.equal(await signIn(page, API_KEY), 200);
      const [cookie] = await page.context().cookies();
      assert.deepEqual(
        { name: cookie?.name, httpOnly: cookie?.httpOnly, sameSite: cookie?.sameSite },
        { name: 'cr_dashboard', httpOnly: true, sameSite: 'Strict' },
      );
      assert.notEqual(cookie?.value, API_KEY, 'the cookie is not the key');

      await page.goto(`${api.url}/dashboard?${RANGE}`);
      assert.equal(await page.locator('[role=img] svg').count(), 6, 'six server-rendered charts');
      assert.equal(await page.locator('details table').count(), 6, 'each with its table');
      assert.match(
        await labelOf(page, 'by-step'),
        /Reminder 1: 4 sent, 1 clicked, 2 recovered; Reminder 2: 1 sent, 0 clicked, 1 recovered/,
      );
      assert.match(await labelOf(page, 'by-channel'), /email: 4 sent, 2 recovered; sms: 1 sent, 1 recovered/);
      assert.match(await labelOf(page, 'by-reason'), /unknown: 1 recovered of 3/);
      assert.match(await labelOf(page, 'funnel'), /contact: 7; address: 6/);
      assert.match(await labelOf(page, 'over-time'), /2026-11-01: 2 recovered of 3 reminded, 6 checkouts/);
      assert.match(
        await labelOf(page, 'holdout'),
        /Treated: 5 of 5 ordered \(100\.0%\)\. Holdout: 1 of 2 ordered \(50\.0%\)/,
      );
      assert.match(
        (await page.textContent('#verdict')) ?? '',
        /Lift \+50\.0 pp \(95% CI .+ to .+, Newcombe\): no measurable lift\. Incremental revenue €80\.00/,
      );
      const kpis = (await page.textContent('[aria-label="Key figures"]')) ?? '';
      assert.match(kpis, /€140\.00/);
      assert.match(kpis, /\$200\.00/, 'the dollars beside, not added');
      // The bars print their values in the SVG itself.
      const stepSvg = (await page.innerHTML('#by-step [role=img]')) ?? '';
      assert.match(stepSvg, />4</);

      const recent = page.locator('#recent tbody tr');
      assert.equal(await recent.count(), 3);
      assert.equal(
        await page.getAttribute('#recent a >> text=cust-1', 'href'),
        'http://temporal-ui.test:8080/namespaces/default/workflows?query=CustomerId%3D%22cust-1%22',
      );

      assert.equal(await overflowsHorizontally(page), false, `horizontal overflow at ${width} px`);
      await screenshot(page, `dashboard-${width}`);
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }
});
