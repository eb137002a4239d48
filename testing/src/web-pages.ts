import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';

/**
 * Driving the explorer and the desk in a real browser: pages that remember what went wrong in them
 * (console errors, uncaught exceptions, CSP refusals), form filling by label, and axe-core.
 */
export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  troubles: string[];
}

export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  // A tab of its own: sessionStorage, where the desk keeps its token, belongs to one tab. (The
  // serverless Chromium runs as a single process, which cannot open incognito contexts.)
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const troubles: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') troubles.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => troubles.push(`page error: ${(error as Error).message}`));
  return { page, troubles };
}

/** The input, select or textarea labelled `label` (its accessible name). */
export const byLabel = (page: Page, label: string) => page.locator(`::-p-aria([name="${label}"])`);

export async function fill(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await byLabel(page, label).fill(value);
}

export async function press(page: Page, button: string): Promise<void> {
  await page.locator(`::-p-aria([name="${button}"][role="button"])`).click();
}

// Functions passed to page.evaluate run in the browser; this package compiles without the DOM
// types, so they reach its globals through globalThis.
/** Waits until the page's visible text holds `text`; returns that text. */
export async function waitForText(page: Page, text: string): Promise<string> {
  const shown = () => page.evaluate((): string => (globalThis as any).document.body.innerText);
  try {
    await page.waitForFunction(
      (t) => (globalThis as any).document.body.innerText.includes(t),
      { timeout: 15_000 },
      text,
    );
  } catch {
    throw new Error(`"${text}" never showed at ${page.url()}; the page says:\n${await shown()}`);
  }
  return shown();
}

export async function signInAtDesk(page: Page, nodeUrl: string, token: string): Promise<void> {
  await page.goto(`${nodeUrl}/desk`, { waitUntil: 'networkidle0' });
  // This tab may still hold someone's token for this desk: they leave first.
  if (await page.$('nav[aria-label="Desk"]')) await press(page, 'Sign out');
  await fill(page, { Token: token });
  await press(page, 'Sign in');
  await page.waitForSelector('nav[aria-label="Desk"]');
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now, as "rule: target" lines. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> =
    await page.evaluate(async () => {
      const { axe, document } = globalThis as any;
      return (await axe.run(document)).violations;
    });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
