import {
  link,
  launchBrowser,
  publishedArtifact,
  seriousAccessibilityViolations,
  signInAtDesk,
  startTestCommons,
  waitForText,
  watchedPage,
  type TestCommons,
} from '@commons-graph/testing';
import type { Browser } from 'puppeteer-core';

/**
 * The pages are safe and usable whatever people write: HTML and script in titles, bodies, feedback
 * and needs show as text and never run; the servers send a strict Content-Security-Policy; and
 * axe-core finds no serious or critical accessibility violation on any page.
 */
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
// A node stores the website its steward types; the pages must never make it a link that runs.
const JAVASCRIPT_URL = 'javascript:window.__xss=1';

describe('pages that stay safe and accessible', () => {
  let commons: TestCommons;
  let browser: Browser;
  let trapId: string;

  beforeAll(async () => {
    [commons, browser] = await Promise.all([
      startTestCommons(['soil-circle', 'clinic-net'], { desks: true }),
      launchBrowser(),
    ]);
    const soil = commons.nodes['soil-circle'];
    const clinic = commons.nodes['clinic-net'];
    const sourceId = await publishedArtifact(soil, { title: `Source ${SCRIPT}`, handle: 'source' });
    trapId = await publishedArtifact(
      soil,
      {
        title: `Trap ${IMG}`,
        handle: 'trap',
        summary: `Summary ${SCRIPT}`,
        body: `Body ${SCRIPT}${IMG}`,
      },
      [{ sourceId, relation: 'ADAPTS' }],
    );
    await link(clinic, 'recordAdoption', {
      artifactId: trapId,
      status: 'ADOPTED',
      context: `Context ${IMG}`,
      impact: `Impact ${SCRIPT}`,
    });
    const feedbackId = await link(clinic, 'giveFeedback', {
      artifactId: trapId,
      kind: 'GAP',
      body: `Gap ${IMG}`,
    });
    await link(soil, 'respondToFeedback', {
      feedbackId,
      artifactId: trapId,
      kind: 'ACKNOWLEDGED',
      body: `Answer ${SCRIPT}`,
    });
    await soil.adminOk(`mutation($input: ProfileInput!) { updateProfile(input: $input) { slug } }`, {
      input: { website: JAVASCRIPT_URL },
    });
    await link(clinic, 'postNeed', { title: `Need ${IMG}`, body: `Need body ${SCRIPT}` });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await commons?.stop();
  });

  it('sends a strict policy, no inline code, and caches only what is content-hashed', async () => {
    const policy = (connect: string) =>
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      `connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
    const explorer = await fetch(`${commons.gateway.url}/a/${trapId}`);
    expect(explorer.status).toBe(200);
    expect(explorer.headers.get('content-security-policy')).toBe(policy("'self'"));
    expect(explorer.headers.get('cache-control')).toBe('no-cache');
    const shell = await explorer.text();
    expect(shell).not.toMatch(/<script>|<style>|\son\w+=|style=/);
    const script = shell.match(/src="(\/assets\/explorer-[\w]+\.js)"/)![1];
    const asset = await fetch(`${commons.gateway.url}${script}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);

    const desk = await fetch(`${commons.nodes['soil-circle'].node.url}/desk`);
    expect(desk.headers.get('content-security-policy')).toBe(policy(`'self' ${commons.gateway.url}`));
    expect(desk.headers.get('cache-control')).toBe('no-store');
    expect(desk.headers.get('x-frame-options')).toBe('DENY');
    expect(await desk.text()).toContain(`<meta name="commons-gateway" content="${commons.gateway.url}">`);
    // The sandbox stays where it was, and the explorer links to it.
    const sandbox = await fetch(commons.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(sandbox.status).toBe(200);
    expect((await fetch(`${commons.gateway.url}/nowhere`)).status).toBe(404);
  });

  it('shows every written string as text and runs none of it, on every page, without serious accessibility violations', async () => {
    const soil = commons.nodes['soil-circle'];
    const { page, troubles } = await watchedPage(browser);
    const pages: Array<[string, () => Promise<void>, string[]]> = [
      [
        'explorer search',
        () => page.goto(`${commons.gateway.url}/?q=Trap`).then(() => undefined),
        [`Trap ${IMG}`],
      ],
      [
        'artifact page',
        () => page.goto(`${commons.gateway.url}/a/${trapId}`).then(() => undefined),
        [`Body ${SCRIPT}${IMG}`, `Context ${IMG}`, `Gap ${IMG}`, `Answer ${SCRIPT}`],
      ],
      [
        'community page',
        () => page.goto(`${commons.gateway.url}/c/soil-circle`).then(() => undefined),
        [`Trap ${IMG}`, 'Vitality', JAVASCRIPT_URL],
      ],
      ['needs board', () => page.goto(`${commons.gateway.url}/needs`).then(() => undefined), [`Need ${IMG}`]],
      [
        "steward's report",
        () => page.goto(`${commons.gateway.url}/report`).then(() => undefined),
        [`Need ${IMG}`, `Source ${SCRIPT}`, 'Who adopts whose work'],
      ],
      [
        'desk drafts',
        () => signInAtDesk(page, soil.node.url, soil.tokens.admin),
        [`Trap ${IMG}`, `Source ${SCRIPT}`],
      ],
      [
        'desk editor',
        () => page.goto(`${soil.node.url}/desk#edit/${trapId}`).then(() => undefined),
        ['Status: published', 'Publish new version'],
      ],
      [
        'desk: our work',
        () => page.goto(`${soil.node.url}/desk#commons`).then(() => undefined),
        [`Gap ${IMG}`, `Impact: Impact ${SCRIPT}`],
      ],
      [
        'desk: our community',
        () => page.goto(`${soil.node.url}/desk#community`).then(() => undefined),
        ['Save profile', 'Record cycle'],
      ],
      [
        'desk tokens',
        () => page.goto(`${soil.node.url}/desk#tokens`).then(() => undefined),
        ['Create token'],
      ],
    ];
    const found: Record<string, unknown> = {};
    for (const [name, open, texts] of pages) {
      await open();
      for (const text of texts) await waitForText(page, text);
      found[name] = {
        ran: await page.evaluate(() => (globalThis as any).__xss ?? null),
        injected: await page.$$eval('main img, main script, a[href^="javascript:" i]', (els) => els.length),
        violations: await seriousAccessibilityViolations(page),
      };
    }
    expect(found).toEqual(
      Object.fromEntries(pages.map(([name]) => [name, { ran: null, injected: 0, violations: [] }])),
    );
    // Nothing was refused by the policy and nothing threw: no console errors at all.
    expect(troubles).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows the steward's report as tables: who adopted whose work, reach, answers", async () => {
    const { page, troubles } = await watchedPage(browser);
    await page.goto(`${commons.gateway.url}/report`);
    await waitForText(page, 'Who adopts whose work');
    const tables: Record<string, string[][]> = await page.$$eval('main section', (sections) =>
      Object.fromEntries(
        sections.map((section) => [
          section.querySelector('h2')!.textContent,
          [...section.querySelectorAll('tbody tr')].map((row) =>
            [...row.children].map((cell) => cell.textContent),
          ),
        ]),
      ),
    );
    expect(tables['Who adopts whose work']).toEqual([['clinic-net', '1']]);
    // The derivative is the circle's own: it reaches no other community yet.
    expect(tables['Farthest-reaching work']).toEqual([[`Source ${SCRIPT}`, '0', '1']]);
    expect(tables['Answering feedback']).toEqual([
      ['soil-circle', '1', '0', expect.stringMatching(/^\d+\.\d$/)],
    ]);
    // Every month of the window is a column: the circle published its two artifacts, the clinic none.
    const published = tables['Artifacts published per month'].map(([community, ...months]) => [
      community,
      months.reduce((sum, count) => sum + Number(count), 0),
    ]);
    expect(published).toEqual([
      ['clinic-net', 0],
      ['soil-circle', 2],
    ]);
    expect(troubles).toEqual([]);
    await page.close();
  }, 60_000);
});
