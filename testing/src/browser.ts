import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * A real headless Chromium for tests, taken from the npm registry (@sparticuz/chromium ships the
 * binary inside the package), so `npm ci` is all a machine needs: no apt, no download at run time.
 */
export async function launchBrowser(): Promise<Browser> {
  // Its type declarations are ESM-only; at run time the package also has a CommonJS build.
  const { default: chromium } = await import('@sparticuz/chromium');
  return puppeteer.launch({
    executablePath: await chromium.executablePath(),
    // The package's flags are tuned for serverless sandboxes; --no-sandbox because tests may run as root.
    args: [...chromium.args, '--no-sandbox', '--disable-gpu'],
    headless: true,
  });
}
