var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The dashboard in real Chromium after a seeded history (test/analytics/seed.ts): sign-in with the
// API key, charts with the expected figures and their labels, no console errors, no horizontal
// overflow at 375 and 1200 px. Screenshots land in .screenshots/ for a person to look at.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const event_store_token_1 = require('../../apps/api/analytics/event-store.token');
const api_harness_1 = require('../api/support/api-harness');
const browser_1 = require('../support/browser');
const seed_1 = require('./seed');
const API_KEY = 'dashboard-test-api-key-0123456789abcdef';
const api = (0, api_harness_1.useApi)({
  API_KEY,
  ANALYTICS_MIN_SAMPLE: '2',
  TEMPORAL_UI_URL: 'http://temporal-ui.test:8080',
});
const RANGE = `from=${seed_1.SEED_RANGE.from}&to=${seed_1.SEED_RANGE.to}`;
async function signIn(page, key) {
  await page.goto(`${api.url}/dashboard/sign-in`);
  await page.fill('input[name=key]', key);
  const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return response?.status();
}
const labelOf = (page, section) => page.getAttribute(`#${section} [role=img]`, 'aria-label').then((l) => l ?? '');
(0, node_test_1.describe)('dashboard', () => {
  let browser;
  (0, node_test_1.before)(async () => {
    await (0, seed_1.seed)(api.app.get(event_store_token_1.EVENT_STORE), 'dash');
    browser = await (0, browser_1.launchBrowser)();
  });
  (0, node_test_1.after)(async () => {
    await browser?.close();
  });
  (0, node_test_1.test)('behind the API key: the sign-in form without it, the page with it', async () => {
    const anonymous = await (0, api_harness_1.call)(`${api.url}/dashboard`, 'GET');
    strict_1.default.equal(anonymous.status, 401);
    strict_1.default.match(anonymous.body, /<form method="post" action="\/dashboard\/sign-in">/);
    const forged = await (0, api_harness_1.call)(`${api.url}/dashboard`, 'GET', undefined, {
      cookie: 'cr_dashboard=forged',
    });
    strict_1.default.equal(forged.status, 401);
    const withKey = await (0, api_harness_1.call)(`${api.url}/dashboard?${RANGE}`, 'GET', undefined, {
      'x-api-key': API_KEY,
    });
    strict_1.default.equal(withKey.status, 200);
    strict_1.default.match(withKey.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    strict_1.default.equal(withKey.headers.get('cache-control'), 'no-store');
  });
  (0, node_test_1.test)('a wrong key is refused with the form again', async () => {
    const { page, problems } = await (0, browser_1.openPage)(browser, 375);
    strict_1.default.equal(await signIn(page, 'not-the-key'), 401);
    strict_1.default.match((await page.textContent('[role=alert]')) ?? '', /not the API key/);
    await page.context().close();
    // A wrong key's 401 is the page Chromium reports; nothing else.
    strict_1.default.deepEqual(
      problems.filter((p) => !p.includes('401')),
      [],
    );
  });
  for (const width of [375, 1200]) {
    (0, node_test_1.test)(
      `at ${width} px: charts with the seeded figures, labels, tables, links; no errors, no overflow`,
      async () => {
        const { page, problems } = await (0, browser_1.openPage)(browser, width);
        strict_1.default.equal(await signIn(page, API_KEY), 200);
        const [cookie] = await page.context().cookies();
        strict_1.default.deepEqual(
          { name: cookie?.name, httpOnly: cookie?.httpOnly, sameSite: cookie?.sameSite },
          { name: 'cr_dashboard', httpOnly: true, sameSite: 'Strict' },
        );
        strict_1.default.notEqual(cookie?.value, API_KEY, 'the cookie is not the key');
        await page.goto(`${api.url}/dashboard?${RANGE}`);
        strict_1.default.equal(await page.locator('[role=img] svg').count(), 6, 'six server-rendered charts');
        strict_1.default.equal(await page.locator('details table').count(), 6, 'each with its table');
        strict_1.default.match(
          await labelOf(page, 'by-step'),
          /Reminder 1: 4 sent, 1 clicked, 2 recovered; Reminder 2: 1 sent, 0 clicked, 1 recovered/,
        );
        strict_1.default.match(
          await labelOf(page, 'by-channel'),
          /email: 4 sent, 2 recovered; sms: 1 sent, 1 recovered/,
        );
        strict_1.default.match(await labelOf(page, 'by-reason'), /unknown: 1 recovered of 3/);
        strict_1.default.match(await labelOf(page, 'funnel'), /contact: 7; address: 6/);
        strict_1.default.match(await labelOf(page, 'over-time'), /2026-11-01: 2 recovered of 3 reminded, 6 checkouts/);
        strict_1.default.match(
          await labelOf(page, 'holdout'),
          /Treated: 5 of 5 ordered \(100\.0%\)\. Holdout: 1 of 2 ordered \(50\.0%\)/,
        );
        strict_1.default.match(
          (await page.textContent('#verdict')) ?? '',
          /Lift \+50\.0 pp \(95% CI .+ to .+, Newcombe\): no measurable lift\. Incremental revenue €80\.00/,
        );
        const kpis = (await page.textContent('[aria-label="Key figures"]')) ?? '';
        strict_1.default.match(kpis, /€140\.00/);
        strict_1.default.match(kpis, /\$200\.00/, 'the dollars beside, not added');
        // The bars print their values in the SVG itself.
        const stepSvg = (await page.innerHTML('#by-step [role=img]')) ?? '';
        strict_1.default.match(stepSvg, />4</);
        const recent = page.locator('#recent tbody tr');
        strict_1.default.equal(await recent.count(), 3);
        strict_1.default.equal(
          await page.getAttribute('#recent a >> text=cust-1', 'href'),
          'http://temporal-ui.test:8080/namespaces/default/workflows?query=CustomerId%3D%22cust-1%22',
        );
        strict_1.default.equal(
          await (0, browser_1.overflowsHorizontally)(page),
          false,
          `horizontal overflow at ${width} px`,
        );
        await (0, browser_1.screenshot)(page, `dashboard-${width}`);
        strict_1.default.deepEqual(problems, []);
        await page.context().close();
      },
    );
  }
});
//# sourceMappingURL=dashboard.test.js.map
