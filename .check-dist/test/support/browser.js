Object.defineProperty(exports, '__esModule', { value: true });
exports.WIDTHS = exports.SCREENSHOT_DIR = void 0;
exports.launchBrowser = launchBrowser;
exports.openPage = openPage;
exports.overflowsHorizontally = overflowsHorizontally;
exports.screenshot = screenshot;
const promises_1 = require('node:fs/promises');
const node_path_1 = require('node:path');
const playwright_core_1 = require('playwright-core');
/** Debian's Chromium (`.ci/run` installs it); overridable for machines that keep it elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where browser tests leave their screenshots, for a person to look at. */
exports.SCREENSHOT_DIR = (0, node_path_1.join)(process.cwd(), '.screenshots');
/** The widths every served page is checked at: a small phone and a desktop. */
exports.WIDTHS = { phone: 375, desktop: 1280 };
async function launchBrowser() {
  return playwright_core_1.chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
}
/** A page at the given width that records console errors and failed requests. */
async function openPage(browser, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return { page, problems };
}
/** True when the document is wider than the viewport (a horizontal scrollbar on a phone). */
async function overflowsHorizontally(page) {
  // A string runs in the page: this project's types have no DOM library.
  return page.evaluate('document.documentElement.scrollWidth > window.innerWidth + 1');
}
async function screenshot(page, name) {
  await (0, promises_1.mkdir)(exports.SCREENSHOT_DIR, { recursive: true });
  const path = (0, node_path_1.join)(exports.SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
//# sourceMappingURL=browser.js.map
