import { groupBy } from '@commons-graph/schema';
import { addMonths, sixMonthsBefore, type Span } from '../../reports/calendar';
import { withFigures } from '../../reports/figures';
import type {
  LineageEdge,
  ReportInputs,
  ReportShows,
  SignFigures,
  SignInputs,
  VitalityInputs,
  WindowInputs,
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
type Windowed<T> = T & { k: number };
type FiguresRow = Windowed<SignFigures & Omit<WindowInputs, 'figures' | 'lists'>>;

/** The statement's values for the windows (`k` 1, 2…) of each community of `only` (every gathered one when null). */
const windowsOf = (slugs: readonly string[], only: string[] | null, spans: Span[]) => [
  slugs,
  only,
  spans.map((s) => s.from),
  spans.map((s) => s.to),
  spans.map((s) => addMonths(s.to, -6)),
];

/** A row's community and figures: who it is is read with the first window only (report-sql.ts, WHO). */
function split({ k: _, slug, name, roles, firstPublishedAt, ...figures }: FiguresRow) {
  return { who: { slug, name, roles, firstPublishedAt }, figures };
}

/**
 * Over the window and six months earlier (figures only). With its lists, the window is a statement
 * of its own, run beside the other; without, one statement computes both windows' figures.
 */
async function signs(
  index: CommonsIndex,
  slugs: readonly string[],
  only: string[] | null,
  span: Span,
  shows: Pick<ReportShows, 'lists'>,
): Promise<Array<Omit<VitalityInputs, 'conflicts'>>> {
  const earlierSpan = sixMonthsBefore(span);
  if (shows.lists) {
    const [now, earlier] = await Promise.all([
      index.read<Windowed<SignInputs>>(SIGNS_SQL, windowsOf(slugs, only, [span])),
      index.read<FiguresRow>(FIGURES_SQL, windowsOf(slugs, only, [earlierSpan])),
    ]);
    return now.map(({ k: _, ...inputs }, i) => ({
      now: withFigures(inputs, span),
      earlier: split(earlier[i]).figures,
    }));
  }
  const rows = await index.read<FiguresRow>(FIGURES_SQL, windowsOf(slugs, only, [span, earlierSpan]));
  const earlier = rows.filter((row) => row.k === 2);
  return rows
    .filter((row) => row.k === 1)
    .map((row, i) => {
      const { who, figures } = split(row);
      return { now: { ...who, figures, lists: null }, earlier: split(earlier[i]).figures };
    });
}

type DerivationRow = [string, string, string, string, string, string];

async function conflicts(index: CommonsIndex, slugs: readonly string[], community: string | null) {
  const [{ derivations }] = await index.read<{ derivations: DerivationRow[] }>(DERIVATION_LICENCES_SQL, [
    slugs,
    community,
  ]);
  return licenceConflicts(
    derivations.map(
      ([
        derivativeId,
        sourceId,
        relation,
        community,
        sourceLicence,
        derivativeLicence,
      ]): DerivationLicences => ({
        derivativeId,
        sourceId,
        relation,
        community,
        sourceLicence,
        derivativeLicence,
      }),
    ),
  );
}

/** One community's vitality inputs; null when the index has not synced it. */
export async function indexVitality(
  index: CommonsIndex,
  participants: Participants,
  community: string,
  span: Span,
): Promise<VitalityInputs | null> {
  const slugs = participants();
  const [[signsOf], own] = await Promise.all([
    signs(index, slugs, [community], span, { lists: true }),
    conflicts(index, slugs, community),
  ]);
  return signsOf ? { ...signsOf, conflicts: own } : null;
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
  shows: ReportShows = { lists: true, dangling: true },
): Promise<ReportInputs> {
  const slugs = participants();
  const [windows, all, [ecosystem]] = await Promise.all([
    signs(index, slugs, null, span, shows),
    conflicts(index, slugs, null),
    index.read<EcosystemRow>(ECOSYSTEM_SQL, [slugs, span.from, span.to, shows.dangling]),
  ]);
  const { adoptionMatrix, edges, sources, ...figures } = ecosystem;
  const conflictsOf = groupBy(all, (x) => x.community);
  return {
    ...figures,
    communities: windows.map((inputs) => ({ ...inputs, conflicts: conflictsOf.get(inputs.now.slug) ?? [] })),
    adoptionMatrix: adoptionMatrix.map(([adopter, origin, count]) => ({ adopter, origin, count })),
    lineage: {
      edges: edges.map(([sourceId, artifactId]): LineageEdge => ({ sourceId, artifactId })),
      sources,
    },
    licenceConflicts: all,
  };
}
