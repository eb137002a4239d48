import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  draftArtifact,
  launchBrowser,
  publish,
  publishedArtifact,
  sql,
  startTestCommons,
  type TestCommons,
  type TestNode,
} from '@commons-graph/testing';

const run = promisify(execFile);
const COMMONS_CLI = join(__dirname, '..', 'demo', 'dist', 'cli.js');
const COMMONS_REPORT = join(__dirname, '..', 'cli', 'bin', 'commons-report.js');

async function steward(
  node: TestNode,
  mutation: string,
  type: string,
  input: Record<string, unknown>,
): Promise<string> {
  return (
    await node.adminOk(`mutation($i: ${type}!) { ${mutation}(input: $i) { id } }`, { i: input }, 'steward')
  )[mutation].id;
}

describe("a steward's report over a Commons whose numbers are known", () => {
  let commons: TestCommons;
  let soil: TestNode, sigs: TestNode, clinic: TestNode;
  let outDir: string;
  const gatewayUrl = () => commons.gateway.graphqlUrl;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'commons-report-'));
    commons = await startTestCommons(['soil-circle', 'infra-sigs', 'clinic-net']);
    ({ 'soil-circle': soil, 'infra-sigs': sigs, 'clinic-net': clinic } = commons.nodes);

    const guide = await publishedArtifact(soil, { title: 'Soil guide', handle: 'guide' });
    // AI-assisted, and its only reviewer is its own author.
    await publish(
      soil,
      await draftArtifact(soil, {
        title: 'AI soil summary',
        handle: 'ai-summary',
        authors: ['Rosa'],
        aiAssisted: true,
      }),
      'Rosa',
    );
    const never = await publishedArtifact(sigs, { title: 'Unused pattern', handle: 'unused' });
    const tree = await publishedArtifact(clinic, { title: 'Care tree', handle: 'tree' });

    await steward(clinic, 'addDerivedFrom', 'DerivedFromInput', {
      artifactId: tree,
      sourceId: guide,
      relation: 'EXTENDS',
    });
    await steward(clinic, 'recordAdoption', 'AdoptionInput', {
      artifactId: guide,
      status: 'ADOPTED',
      context: 'Gardens',
      impact: 'Patients eat better',
    });
    const f1 = await steward(clinic, 'giveFeedback', 'FeedbackInput', {
      artifactId: guide,
      kind: 'GAP',
      body: 'Clay?',
    });
    await steward(soil, 'respondToFeedback', 'FeedbackResponseInput', {
      feedbackId: f1,
      artifactId: guide,
      kind: 'INCORPORATED',
      body: 'Added',
    });
    await steward(sigs, 'giveFeedback', 'FeedbackInput', {
      artifactId: tree,
      kind: 'QUESTION',
      body: 'Who calls?',
    }); // never answered
    await steward(sigs, 'addContributionRole', 'ContributionRoleInput', {
      personName: 'Tom',
      role: 'translator',
      hoursPerMonth: 40,
      resourcedHoursPerMonth: 0,
      startsOn: '2025-01-01',
    });
    await steward(soil, 'addContributionRole', 'ContributionRoleInput', {
      personName: 'Rosa',
      role: 'translator',
      hoursPerMonth: 10,
      resourcedHoursPerMonth: 10,
      startsOn: '2025-01-01',
    });
    await steward(soil, 'addContributionRole', 'ContributionRoleInput', {
      personName: 'Dan',
      role: 'translator',
      hoursPerMonth: 10,
      resourcedHoursPerMonth: 0,
      startsOn: '2025-01-01',
    });
    await steward(soil, 'addContributionRole', 'ContributionRoleInput', {
      personName: 'Mei',
      role: 'liaison',
      hoursPerMonth: 10,
      resourcedHoursPerMonth: 5,
      startsOn: '2025-01-01',
    });

    // Fixed dates: the window is 2026-01-01 .. 2026-10-31.
    await sql(
      soil.database.url,
      `update artifact set first_published_at = case handle when 'guide' then '2025-11-01'::timestamptz else '2026-10-05'::timestamptz end`,
    );
    await sql(sigs.database.url, `update artifact set first_published_at = '2025-12-01'`);
    await sql(clinic.database.url, `update artifact set first_published_at = '2025-10-01'`);
    await sql(
      clinic.database.url,
      `update adoption set recorded_at = '2026-05-02'; update feedback set given_at = '2026-03-01'`,
    );
    await sql(soil.database.url, `update feedback_response set responded_at = '2026-03-08'`);
    await sql(sigs.database.url, `update feedback set given_at = '2026-02-01'`);
    expect(never).toBe('infra-sigs:unused');
  });
  afterAll(async () => {
    await commons?.stop();
    await rm(outDir, { recursive: true, force: true });
  });

  const VITALITY = `query($slug: String!) { community(slug: $slug) { vitality(from: "2026-01-01T00:00:00Z", to: "2026-10-31T23:59:59Z") {
    decaySigns replant metrics { key value state evidence } } } }`;
  const replanting: Record<string, boolean> = {};
  const metricsOf = async (slug: string) => {
    const { vitality } = (await commons.queryOk(VITALITY, { slug })).community;
    // The headline counts agree with the metrics they summarise.
    expect(vitality.decaySigns).toBe(vitality.metrics.filter((m: any) => m.state === 'DECAY').length);
    replanting[slug] = vitality.replant;
    return Object.fromEntries(vitality.metrics.map((m: any) => [m.key, m]));
  };

  it('measures each community as the story says, through the Commons graph', async () => {
    const soilM = await metricsOf('soil-circle');
    expect(soilM.feedbackResponseTime).toMatchObject({ value: 7, state: 'LIFE' });
    expect(soilM.feedbackClosure).toMatchObject({ value: 1, state: 'LIFE' });
    expect(soilM.unusedShare).toMatchObject({ value: 0, state: 'LIFE' });
    expect(soilM.translatorConcentration).toMatchObject({ value: 2, state: 'LIFE' });
    expect(soilM.resourcedWork).toMatchObject({ value: 0.5, state: 'LIFE' });
    expect(soilM.humanInTheLoop).toMatchObject({
      value: 1,
      state: 'DECAY',
      evidence: ['soil-circle:ai-summary'],
    });

    const sigsM = await metricsOf('infra-sigs');
    expect(sigsM.translatorConcentration).toMatchObject({
      value: 1,
      state: 'DECAY',
      evidence: ['Tom: 40 h/month'],
    });
    expect(sigsM.resourcedWork).toMatchObject({ value: 0, state: 'DECAY' });
    expect(sigsM.unusedShare).toMatchObject({ value: 1, state: 'DECAY', evidence: ['infra-sigs:unused'] });

    const clinicM = await metricsOf('clinic-net');
    expect(clinicM.feedbackResponseTime).toMatchObject({ value: null, state: 'DECAY' });
    // Both decaying communities published before the window and decayed six months earlier too;
    // soil shows two decay signs (its AI artifact, its unused share is 0), too few to replant.
    expect(replanting).toEqual({ 'soil-circle': false, 'infra-sigs': true, 'clinic-net': true });
    expect(clinicM.feedbackClosure).toMatchObject({ value: 0, state: 'DECAY' });
  });

  it('renders md, csv, json and a self-contained HTML report whose charts Chromium draws', async () => {
    const args = ['report', '--gateway', gatewayUrl(), '--from', '2026-01-01', '--to', '2026-10-31'];
    const md = await run(process.execPath, [COMMONS_CLI, ...args, '--format', 'md']);
    expect(md.stdout.indexOf('## Headlines')).toBeLessThan(md.stdout.indexOf('(`soil-circle`)'));
    expect(md.stdout).toMatch(/^# Commons vitality report/);
    expect(md.stdout).toMatch(/One person carries half the translation work in: infra-sigs/);
    expect(md.stderr).toMatch(/Gathering from 3 community nodes/);
    const csv = await run(process.execPath, [
      COMMONS_CLI,
      ...args,
      '--format',
      'csv',
      '--community',
      'infra-sigs',
    ]);
    expect(csv.stdout.split('\n')[0]).toBe('community,metric,value,unit,state,detail,from,to');
    expect(csv.stdout).toMatch(/^infra-sigs,translatorConcentration,1,people,DECAY,/m);
    const json = JSON.parse((await run(process.execPath, [COMMONS_CLI, ...args, '--format', 'json'])).stdout);
    expect(json.adoptionMatrix).toEqual([{ adopter: 'clinic-net', origin: 'soil-circle', count: 1 }]);
    // The CLI package's own command gives the same report as `commons report`, which delegates to it.
    const alone = JSON.parse(
      (await run(process.execPath, [COMMONS_REPORT, ...args.slice(1), '--format', 'json'])).stdout,
    );
    expect({ ...alone, generatedAt: 'now' }).toEqual({ ...json, generatedAt: 'now' });

    const html = join(outDir, 'report.html');
    const png = join(outDir, 'report.png');
    await run(process.execPath, [COMMONS_CLI, ...args, '--format', 'html', '--out', html]);
    const text = await readFile(html, 'utf8');
    expect(text).not.toMatch(/(src|href)="https?:/); // self-contained: nothing to fetch

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 1800 });
      await page.goto(`file://${html}`, { waitUntil: 'load' });
      // The report's own inline script records each chart's laid-out size once the page has loaded.
      const rendered: string = await page.$eval(
        '#render-check',
        (el) => el.getAttribute('data-rendered') ?? '',
      );
      const charts = Object.fromEntries(
        rendered
          .split(' ')
          .filter(Boolean)
          .map((entry) => {
            const [name, size, rects] = entry.split(':');
            const [w, h] = size.split('x').map(Number);
            return [name, { w, h, rects: Number(rects) }];
          }),
      );
      for (const chart of ['flow', 'adoption-matrix', 'lineage', 'response-times']) {
        expect({
          chart,
          drawn: charts[chart]?.w > 0 && charts[chart]?.h > 0 && charts[chart]?.rects > 0,
        }).toEqual({ chart, drawn: true });
      }
      await page.screenshot({ path: png, fullPage: true });
    } finally {
      await browser.close();
    }
    expect((await readFile(png)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('names a node that does not answer instead of counting it as zero', async () => {
    await clinic.node.stop();
    const { data, errors } =
      await commons.query(`{ commonsReport(from: "2026-01-01T00:00:00Z", to: "2026-10-31T23:59:59Z") {
      unavailableCommunities communities { community { slug } } } }`);
    expect(data!.commonsReport.unavailableCommunities).toEqual(['clinic-net']);
    expect(data!.commonsReport.communities.map((c: any) => c.community.slug).sort()).toEqual([
      'infra-sigs',
      'soil-circle',
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'NODE_UNAVAILABLE', community: 'clinic-net' }),
      }),
    ]);
  });
});
