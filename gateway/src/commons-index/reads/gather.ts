import { TIME_OF } from '../../canonical-order';
import { LINKS_FRAGMENT, PAGE_FRAGMENT, type CommunityData } from '../../reports/gather';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { fragmentSelection, projectionOf } from './projection';
import { inCanonicalOrder } from './sql';

/** Each list as the report's fragments select it from a node: the same fields, nothing else. */
const listOf = (field: string, table: string, order: string) =>
  `coalesce((select jsonb_agg(${projectionOf(fragmentSelection(LINKS_FRAGMENT, [field]), 'x.doc')} order by ${order})
    from "${table}" x where x.community = s.slug), '[]'::jsonb)`;
const ARTIFACT = projectionOf(fragmentSelection(PAGE_FRAGMENT, ['edges', 'node']), 'x.doc');

/**
 * Everything the live path gathers for a report, in one statement over the index: per community
 * the links it asserts and its artifacts (as the live gathering's pages order them). Reports read
 * the index's SQL aggregation (report.ts); this is what its test computes the same inputs from in JS.
 */
export async function indexGather(
  index: CommonsIndex,
  participants: Participants,
): Promise<{ communities: CommunityData[]; unavailable: string[] }> {
  const slugs = participants();
  const mine = (field: string, table: string, time: string) =>
    listOf(field, table, inCanonicalOrder(time, 'x.'));
  const communities = await index.read<CommunityData>(
    `select s.slug, coalesce(p.doc->>'name', s.slug) as name,
        ${mine('adoptionsGiven', 'adoption', TIME_OF.adoption)} as "adoptionsGiven",
        ${mine('feedbackGiven', 'feedback', TIME_OF.feedback)} as "feedbackGiven",
        ${mine('responsesGiven', 'response', TIME_OF.response)} as "responsesGiven",
        ${mine('derivations', 'derivation', TIME_OF.derivation)} as derivations,
        ${mine('needs', 'need', TIME_OF.need)} as needs,
        ${mine('needAnswersGiven', 'need_answer', TIME_OF.needAnswer)} as "needAnswersGiven",
        ${listOf('contributionRoles', 'contribution_role', `x.doc->>'startsOn', x.id collate "C"`)} as "contributionRoles",
        coalesce((select jsonb_agg(${ARTIFACT} order by x.published_at desc, x.id collate "C")
          from artifact x where x.community = s.slug), '[]'::jsonb) as artifacts
      from unnest($1::text[]) with ordinality s(slug, n)
        join followed_node f on f.slug = s.slug and f.last_sync_at is not null
        left join community_profile p on p.community = s.slug
      order by s.n`,
    [slugs],
  );
  const gathered = new Set(communities.map((c) => c.slug));
  return { communities, unavailable: slugs.filter((slug) => !gathered.has(slug)) };
}
