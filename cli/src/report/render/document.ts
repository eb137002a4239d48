import type { CommonsReportQuery, LineageQuery } from '../../generated/report-operations';

/**
 * A report as the CLI renders it: the gateway's answer to the report query (its type generated
 * from that query and schema/commons.graphql), plus when and where it was asked and the lineage
 * pictures the client fetched.
 */
type Answer = CommonsReportQuery['commonsReport'];
export type ReportVitality = Answer['communities'][number];
export type ReportMetric = ReportVitality['metrics'][number];

type LineageAnswer = NonNullable<LineageQuery['artifact']>['lineage'];
/** One artifact's lineage, each community named by its slug. */
export interface ReportLineage {
  rootId: string;
  title: string;
  nodes: Array<Omit<LineageAnswer['nodes'][number], 'community'> & { community: string }>;
  edges: LineageAnswer['edges'];
}

export type ReportDocument = Answer & {
  generatedAt: string;
  gateway: string;
  lineages: ReportLineage[];
};

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
  if (replant.length)
    lines.push(`Replant: ${replant.join(', ')} (three or more decay signs held for six months).`);
  if (doc.dormantCommunities.length)
    lines.push(`Dormant (no artifacts for two months): ${doc.dormantCommunities.join(', ')}.`);
  if (doc.licenceConflicts.length)
    lines.push(`${doc.licenceConflicts.length} licence conflict(s) along adaptation edges.`);
  const concentrated = doc.communities.filter(
    (c) => c.metrics.find((m) => m.key === 'translatorConcentration')?.value === 1,
  );
  if (concentrated.length)
    lines.push(
      `One person carries half the translation work in: ${concentrated.map((c) => c.community.name).join(', ')}.`,
    );
  lines.push(
    `Cross-community share of adoptions: ${pct(doc.crossCommunityAdoptionShare)}; reciprocity: ${pct(doc.reciprocity)}.`,
  );
  if (doc.unansweredNeeds.length) lines.push(`${doc.unansweredNeeds.length} need(s) still unanswered.`);
  if (doc.unavailableCommunities.length)
    lines.push(`Not included (node did not answer): ${doc.unavailableCommunities.join(', ')}.`);
  return lines;
}
