import { renderReport } from '../client';
import type { ReportDocument } from '../render';

/**
 * A report as the gateway answers the CLI's report query: typed by the generated type of that
 * query, so a field the schema renames or drops fails to compile here before it fails a steward.
 */
function report(over: Partial<ReportDocument> = {}): ReportDocument {
  return {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-10-31T23:59:59.999Z',
    unavailableCommunities: ['quiet-node'],
    crossCommunityAdoptionShare: 0.5,
    fewestCommunitiesForHalfOfArtifacts: 1,
    reciprocity: null,
    reciprocalCommunities: [],
    dormantCommunities: [],
    communities: [
      {
        community: { slug: 'soil', name: 'Soil <Circle>' },
        decaySigns: 3,
        replant: true,
        metrics: [
          {
            key: 'unusedShare',
            label: 'Unused share',
            value: 0.25,
            unit: 'share',
            state: 'WATCH',
            detail: 'guide | notes, "old"',
            evidence: ['soil:guide'],
          },
        ],
      },
    ],
    adoptionMatrix: [{ adopter: 'clinic', origin: 'soil', count: 2 }],
    lineageReach: [],
    licenceConflicts: [],
    unansweredNeeds: [],
    monthlyFlow: [{ community: 'soil', month: '2026-03', count: 1 }],
    responseTimes: [{ community: 'soil', feedbackId: 'clinic:f1', days: 7 }],
    generatedAt: '2026-11-01T08:30:00.000Z',
    gateway: 'http://127.0.0.1:4000/graphql',
    lineages: [],
    ...over,
  };
}

describe("a steward's report, rendered from the report query's answer", () => {
  it('opens the Markdown with the headlines, then each community with its signs', () => {
    const md = renderReport(report(), 'md');
    expect(md.indexOf('## Headlines')).toBeLessThan(md.indexOf('## Soil <Circle> (`soil`)'));
    expect(md).toMatch(/^- Replant: Soil <Circle> \(three or more decay signs/m);
    expect(md).toMatch(/^- Not included \(node did not answer\): quiet-node\.$/m);
    // A share reads as a percentage; a pipe in a detail cannot break the table.
    expect(md).toContain('| Unused share | 25% | 👀 watch | guide \\| notes, "old" |');
  });

  it('gives spreadsheets one row per sign, quoting what CSV must quote, and names the silent node', () => {
    const rows = renderReport(report(), 'csv').trimEnd().split('\n');
    expect(rows).toEqual([
      'community,metric,value,unit,state,detail,from,to',
      'soil,unusedShare,0.25,share,WATCH,"guide | notes, ""old""",2026-01-01T00:00:00.000Z,2026-10-31T23:59:59.999Z',
      'quiet-node,unavailable,,,,node did not answer,2026-01-01T00:00:00.000Z,2026-10-31T23:59:59.999Z',
    ]);
  });

  it("writes HTML that fetches nothing and shows a node's text as text", () => {
    const html = renderReport(report(), 'html');
    expect(html).toContain(
      '<h3>Soil &lt;Circle&gt; <small>soil</small> <span class="badge DECAY">replant</span></h3>',
    );
    expect(html).not.toContain('<Circle>');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('keeps the answer whole in JSON', () => {
    expect(JSON.parse(renderReport(report(), 'json'))).toEqual(report());
  });
});
