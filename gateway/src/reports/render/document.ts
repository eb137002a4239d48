import type { EcosystemFigures, Metric, Vitality } from '../metrics';

/**
 * A report as the CLI receives it from the gateway (JSON), plus lineage pictures it fetched: the
 * gateway's figures and metrics, with dates as strings and each community as the schema shows it.
 */
export type ReportMetric = Metric;
export type ReportVitality = Pick<Vitality, 'metrics' | 'decaySigns' | 'replant'> & { community: { slug: string; name: string } };
export interface ReportDocument extends EcosystemFigures {
  from: string;
  to: string;
  generatedAt: string;
  gateway: string;
  communities: ReportVitality[];
  lineages: Array<{ rootId: string; title: string; nodes: Array<{ id: string; title: string; community: string }>; edges: Array<{ sourceId: string; derivativeId: string; relation: string }> }>;
}

/** The GraphQL selection that fills a ReportDocument. */
export const REPORT_QUERY = `query CommonsReport($from: DateTime!, $to: DateTime!) {
  commonsReport(from: $from, to: $to) {
    from to unavailableCommunities crossCommunityAdoptionShare fewestCommunitiesForHalfOfArtifacts reciprocity
    reciprocalCommunities dormantCommunities
    communities { community { slug name } decaySigns replant metrics { key label value unit state detail evidence } }
    adoptionMatrix { adopter origin count }
    lineageReach { artifactId title communitiesReached artifactsReached }
    licenceConflicts { derivativeId sourceId relation rule community }
    unansweredNeeds { id title community postedAt }
    monthlyFlow { community month count }
    responseTimes { community feedbackId days }
  }
}`;

export const LINEAGE_QUERY = `query Lineage($id: ID!) { artifact(id: $id) { id title
  lineage(direction: BOTH, maxDepth: 5) { nodes { id title community { slug } } edges { sourceId derivativeId relation } } } }`;

const pct = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n * 100)}%`);
export const formatValue = (m: ReportMetric) =>
  m.value === null ? 'n/a' : m.unit === 'share' ? pct(m.value) : `${m.value} ${m.unit}`;

/** The findings a steward reads first. */
export function headlines(doc: ReportDocument): string[] {
  const lines: string[] = [];
  const n = doc.communities.length;
  const lively = doc.communities.filter((c) => c.metrics.every((m) => m.state !== 'DECAY')).length;
  lines.push(`${n} communities reported; ${lively} show no sign of decay.`);
  const replant = doc.communities.filter((c) => c.replant).map((c) => c.community.name);
  if (replant.length) lines.push(`Replant: ${replant.join(', ')} (three or more decay signs held for six months).`);
  if (doc.dormantCommunities.length) lines.push(`Dormant (no artifacts for two months): ${doc.dormantCommunities.join(', ')}.`);
  if (doc.licenceConflicts.length) lines.push(`${doc.licenceConflicts.length} licence conflict(s) along adaptation edges.`);
  const concentrated = doc.communities.filter((c) => c.metrics.find((m) => m.key === 'translatorConcentration')?.value === 1);
  if (concentrated.length) lines.push(`One person carries half the translation work in: ${concentrated.map((c) => c.community.name).join(', ')}.`);
  lines.push(`Cross-community share of adoptions: ${pct(doc.crossCommunityAdoptionShare)}; reciprocity: ${pct(doc.reciprocity)}.`);
  if (doc.unansweredNeeds.length) lines.push(`${doc.unansweredNeeds.length} need(s) still unanswered.`);
  if (doc.unavailableCommunities.length) lines.push(`Not included (node did not answer): ${doc.unavailableCommunities.join(', ')}.`);
  return lines;
}
