import { groupBy } from '@commons-graph/schema';
import { addMonths, sixMonthsBefore, type Span } from '../../reports/calendar';
import type {
  LineageEdge,
  ReportInputs,
  SignFigures,
  SignInputs,
  VitalityInputs,
} from '../../reports/inputs';
import { licenceConflicts, type DerivationLicences } from '../../reports/licence-conflicts';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { DERIVATION_LICENCES_SQL, ECOSYSTEM_SQL, FIGURES_SQL, SIGNS_SQL } from './report-sql';

/**
 * A report's inputs (reports/inputs.ts) from the index: each community's figures and lists over the
 * window, the figures six months earlier, its licence conflicts, and the ecosystem's figures,
 * aggregated in SQL.
 */
type Windowed<T> = T & { k: number; slug: string };

/** The statement's values for one window (`k` 1) of each community of `only` (every gathered one when null). */
const windowOf = (slugs: string[], only: string[] | null, span: Span) => [
  slugs,
  only,
  [span.from],
  [span.to],
  [addMonths(span.to, -6)],
];

/** Over the window (with the lists a report shows) and six months earlier (figures only), on two connections. */
async function signs(index: CommonsIndex, slugs: string[], only: string[] | null, span: Span) {
  const [now, earlier] = await Promise.all([
    index.read<Windowed<SignInputs>>(SIGNS_SQL, windowOf(slugs, only, span)),
    index.read<Windowed<SignFigures>>(FIGURES_SQL, windowOf(slugs, only, sixMonthsBefore(span))),
  ]);
  return {
    now: now.map(({ k: _, ...inputs }): SignInputs => inputs),
    earlier: earlier.map(({ k: _, slug: __, ...figures }): SignFigures => figures),
  };
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
  adoptionMatrix: Array<[adopter: string, origin: string, count: number]>;
  feedbackGivers: string[];
  edges: Array<[sourceId: string, artifactId: string]>;
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
  const { adoptionMatrix, edges, sources, ...figures } = ecosystem;
  const conflictsOf = groupBy(all, (x) => x.community);
  return {
    ...figures,
    communities: now.map((inputs, i) => ({
      now: inputs,
      earlier: earlier[i],
      conflicts: conflictsOf.get(inputs.slug) ?? [],
    })),
    adoptionMatrix: adoptionMatrix.map(([adopter, origin, count]) => ({ adopter, origin, count })),
    lineage: {
      edges: edges.map(([sourceId, artifactId]): LineageEdge => ({ sourceId, artifactId })),
      sources,
    },
    licenceConflicts: all,
  };
}
