import { groupBy } from '@commons-graph/schema';
import { addMonths, sixMonthsBefore, type Span } from '../../reports/calendar';
import type { LineageEdge, ReportInputs, SignInputs, VitalityInputs } from '../../reports/inputs';
import { licenceConflicts, type DerivationLicences } from '../../reports/licence-conflicts';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { DERIVATION_LICENCES_SQL, ECOSYSTEM_SQL, SIGNS_SQL } from './report-sql';

/**
 * A report's inputs (reports/inputs.ts) from the index: each community's figures over the window
 * and six months earlier, its licence conflicts, and the ecosystem's figures, aggregated in SQL.
 */
type SignRow = SignInputs & { k: number };

/** Each community of `only` (every gathered one when null) over one window. */
async function signsOver(index: CommonsIndex, slugs: string[], only: string[] | null, span: Span) {
  const rows = await index.read<SignRow>(SIGNS_SQL, [
    slugs,
    only,
    [span.from],
    [span.to],
    [addMonths(span.to, -6)],
  ]);
  return rows.map(({ k: _, ...inputs }) => inputs);
}

/** Over the window and six months earlier: two statements side by side, on two connections. */
async function signs(index: CommonsIndex, slugs: string[], only: string[] | null, span: Span) {
  const [now, earlier] = await Promise.all([
    signsOver(index, slugs, only, span),
    signsOver(index, slugs, only, sixMonthsBefore(span)),
  ]);
  return { now, earlier };
}

async function conflicts(index: CommonsIndex, slugs: string[], community: string | null) {
  return licenceConflicts(await index.read<DerivationLicences>(DERIVATION_LICENCES_SQL, [slugs, community]));
}

/** One community's vitality inputs; null when the index has not synced it. */
export async function indexVitality(
  index: CommonsIndex,
  participants: Participants,
  community: string,
  span: Span,
): Promise<VitalityInputs | null> {
  const slugs = participants();
  const [{ now, earlier }, own] = await Promise.all([
    signs(index, slugs, [community], span),
    conflicts(index, slugs, community),
  ]);
  return now.length ? { now: now[0], earlier: earlier[0], conflicts: own } : null;
}

interface EcosystemRow {
  unavailable: string[];
  adoptionMatrix: ReportInputs['adoptionMatrix'];
  feedbackGivers: string[];
  edges: LineageEdge[];
  sources: Record<string, string>;
  unansweredNeeds: ReportInputs['unansweredNeeds'];
  danglingLinks: ReportInputs['danglingLinks'];
}

/** The whole Commons over a window: three statements, run side by side. */
export async function indexReport(
  index: CommonsIndex,
  participants: Participants,
  span: Span,
): Promise<ReportInputs> {
  const slugs = participants();
  const [{ now, earlier }, all, [ecosystem]] = await Promise.all([
    signs(index, slugs, null, span),
    conflicts(index, slugs, null),
    index.read<EcosystemRow>(ECOSYSTEM_SQL, [slugs, span.from, span.to]),
  ]);
  const { edges, sources, ...figures } = ecosystem;
  const conflictsOf = groupBy(all, (x) => x.community);
  return {
    ...figures,
    communities: now.map((inputs, i) => ({
      now: inputs,
      earlier: earlier[i],
      conflicts: conflictsOf.get(inputs.slug) ?? [],
    })),
    lineage: { edges, sources },
    licenceConflicts: all,
  };
}
