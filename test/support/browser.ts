import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); overridable for machines that keep it elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where browser tests leave their screenshots, for a person to look at. */
export const SCREENSHOT_DIR = join(process.cwd(), '.screenshots');

/** The widths every served page is checked at: a small phone and a desktop. */
export const WIDTHS = { phone: 375, desktop: 1280 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
}

/** A page at the given width that records console errors and failed requests. */
export async function openPage(
  browser: Browser,
  width: number,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ ...options, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return { page, problems };
}

/** True when the document is wider than the viewport (a horizontal scrollbar on a phone). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  // A string runs in the page: this project's types have no DOM library.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
