import { TIME_OF } from '../../canonical-order';
import type { Gathered } from '../../reads';
import type { CommunityData } from '../../reports/gather';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { docsIn } from './sql';

/**
 * Everything a report reads of every community, in one statement over the index: per community
 * the links it asserts and its artifacts (as the live gathering's pages order them). A community
 * the index has never synced is unavailable; one synced long ago is served, and named stale.
 */
export async function indexGather(index: CommonsIndex, participants: Participants): Promise<Gathered> {
  const slugs = participants();
  const mine = (table: string, time: string) => docsIn(table, time, 'x.community = s.slug');
  const communities = await index.read<CommunityData>(
    `select s.slug, coalesce(p.doc->>'name', s.slug) as name,
        ${mine('adoption', TIME_OF.adoption)} as "adoptionsGiven",
        ${mine('feedback', TIME_OF.feedback)} as "feedbackGiven",
        ${mine('response', TIME_OF.response)} as "responsesGiven",
        ${mine('derivation', TIME_OF.derivation)} as derivations,
        ${mine('need', TIME_OF.need)} as needs,
        ${mine('need_answer', TIME_OF.needAnswer)} as "needAnswersGiven",
        coalesce((select jsonb_agg(x.doc order by x.doc->>'startsOn', x.id collate "C")
          from contribution_role x where x.community = s.slug), '[]'::jsonb) as "contributionRoles",
        coalesce((select jsonb_agg(a.doc order by a.published_at desc, a.id collate "C")
          from artifact a where a.community = s.slug), '[]'::jsonb) as artifacts
      from unnest($1::text[]) with ordinality s(slug, n)
        join followed_node f on f.slug = s.slug and f.last_sync_at is not null
        left join community_profile p on p.community = s.slug
      order by s.n`,
    [slugs],
  );
  const gathered = new Set(communities.map((c) => c.slug));
  return { communities, unavailable: slugs.filter((slug) => !gathered.has(slug)) };
}
