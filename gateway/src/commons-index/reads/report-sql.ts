import { ADAPTATION_RELATIONS } from '@commons-graph/schema';
import { LINKS_FRAGMENT } from '../../reports/gather';
import { unreviewedArtifact } from '../unreviewed-sql';
import { fragmentSelection, projectionOf } from './projection';

/**
 * The statements behind a report from the index: the heavy aggregation in SQL, so only each
 * community's small figures and the lists a report shows reach the gateway (inputs.ts says what
 * each one means; live-inputs.ts computes the same in JS). Every expression that must agree with
 * the live path's JS is declared here once.
 */

/** An instant in milliseconds, as `Date.parse` reads the ISO text a node served (sub-ms floored). */
const ms = (timestamp: string) => `floor(extract(epoch from ${timestamp}) * 1000)`;

const ROLE = projectionOf(fragmentSelection(LINKS_FRAGMENT, ['contributionRoles']), 'x.doc');

/**
 * The communities the index gathered, in the registry's order: the participants ($1) it has
 * synced at least once, with their names. The rest are unavailable.
 */
const GATHERED = `g as (
  select s.slug, s.n, coalesce(p.doc->>'name', s.slug) as name
  from unnest($1::text[]) with ordinality s(slug, n)
    join followed_node f on f.slug = s.slug and f.last_sync_at is not null
    left join community_profile p on p.community = s.slug
)`;

/** Links as the report reads them: the node that stored them (`n`, its place), their time (to the ms). */
const ADOPTIONS = `adopt as (
  select x.id, g.n, x.community as node, x.adopter as community, x.artifact_id,
    x.artifact_community as origin, x.recorded_at as at, x.names_impact
  from adoption x join g on g.slug = x.community
)`;
const FEEDBACK = `fb as (
  select x.id, g.n, x.community as node, x.doc->>'community' as community, x.artifact_id,
    x.artifact_community as origin,
    x.given_at as at
  from feedback x join g on g.slug = x.community
)`;

/**
 * When each artifact was first adopted or derived from by a gathered node: as the index keeps it
 * (Migration20261222000000FirstUse) when its first user is gathered, otherwise from the gathered
 * nodes' links to it (an artifact first used by a node no longer listed, or not taking part).
 */
const FIRST_USE = `first_use as (
  select u.artifact_id as id, u.at from artifact_first_use u where u.used_by in (select slug from g)
  union all
  select id, min(at) from (
    select x.artifact_id as id, x.recorded_at as at from adoption x join g on g.slug = x.community
    union all
    select x.source_id, x.asserted_at from derivation x join g on g.slug = x.community
  ) v
  where id in (select artifact_id from artifact_first_use where used_by not in (select slug from g))
  group by id
)`;

/**
 * The parts of the window statements below: each community of $2 (all gathered when null) over
 * each window of $3 (from), $4 (to) and $5 (six months before `to`), the window's place in `k`.
 */
const WINDOWED = `${GATHERED},
t as (select * from g where $2::text[] is null or g.slug = any($2::text[])),
w as (select * from unnest($3::timestamptz[], $4::timestamptz[], $5::timestamptz[]) with ordinality w(lo, hi, six, k)),
art as (
  select a.community, a.id, a.published_at, date_trunc('milliseconds', a.published_at) as at,
    a.published_month as month
  from artifact a where a.community in (select slug from t)
),
${ADOPTIONS},
${FEEDBACK},
per_month as (
  select k, community, json_object_agg(month, n) as counts, sum(n)::int as published from (
    select w.k, a.community, a.month, count(*)::int as n
    from art a join w on a.at between w.lo and w.hi group by w.k, a.community, a.month
  ) m group by k, community
),
${FIRST_USE},
first_response as (
  select r.community, r.feedback_id, min(r.responded_at) as at
  from response r where r.community in (select slug from t) group by r.community, r.feedback_id
),
roles as (
  select x.community, json_agg(${ROLE} order by x.doc->>'startsOn', x.id collate "C") as list
  from contribution_role x where x.community in (select slug from t) group by x.community
),
first_published as (select community, ${ms('min(at)')}::float8 as at from art group by community)`;

/** Old artifacts (published six months before the window's end), each with its first use by the end if any. */
const OLD = `from art a join w on a.at < w.six left join first_use u on u.id = a.id and u.at <= w.hi
  group by w.k, a.community`;

/** Feedback on the communities' artifacts given in the window, with the first response. */
const FEEDBACK_ON = `from fb f join w on f.at between w.lo and w.hi
    left join first_response r on r.community = f.origin and r.feedback_id = f.id
  where f.origin in (select slug from t)`;

/** Other communities' answers to the communities' needs, given in the window. */
const NEED_ANSWERS = `from need nd
    join (select x.id, x.need_id, x.community, g.n, x.answered_at as at
      from need_answer x join g on g.slug = x.community) x on x.need_id = nd.id and x.community <> nd.community
    join w on x.at between w.lo and w.hi
  where nd.community in (select slug from t)
  group by w.k, nd.community`;

/** Other communities' adoptions of the communities' artifacts naming their impact, in the window. */
const IMPACTS = `from adopt a join w on a.at between w.lo and w.hi
  where a.origin in (select slug from t) and a.community is distinct from a.origin and a.names_impact
  group by w.k, a.origin`;

/** AI-assisted artifacts published by the window's end without a reviewer other than their authors. */
const UNREVIEWED = `from artifact x join w on date_trunc('milliseconds', x.published_at) <= w.hi
  where x.community in (select slug from t) and ${unreviewedArtifact('x.')}
  group by w.k, x.community`;

/**
 * Who the community is, whatever the window: its name, roles and first publication, read with the
 * first window's row only (the same for every window; the roles were half of the figures' JSON).
 */
const WHO = `t.name, coalesce(r.list, '[]') as roles, fp.at as "firstPublishedAt"`;
const WHO_JOINED = `left join roles r on r.community = t.slug and w.k = 1
  left join first_published fp on fp.community = t.slug and w.k = 1`;

/** Each community and window's row joins its parts by window and community. */
const joined = (alias: string, part: string) =>
  `left join ${part} ${alias} on ${alias}.k = w.k and ${alias}.community = t.slug`;

/** The windows' inputs (inputs.ts, SignInputs) with the lists a report shows: one row per window and community. */
export const SIGNS_SQL = `
with ${WINDOWED},
in_window as (
  select w.k, a.community, json_agg(a.id order by a.published_at desc, a.id collate "C") as ids
  from art a join w on a.at between w.lo and w.hi group by w.k, a.community
),
old as (
  select w.k, a.community, count(*)::int as old,
    coalesce(json_agg(a.id order by a.published_at desc, a.id collate "C") filter (where u.id is null), '[]') as unused
  ${OLD}
),
feedback_on as (
  select w.k, f.origin as community,
    json_agg(json_build_object('id', f.id, 'community', f.community, 'givenAt', ${ms('f.at')}, 'firstResponseAt', ${ms('r.at')})
      order by f.n, f.at, f.id collate "C") as list
  ${FEEDBACK_ON}
  group by w.k, f.origin
),
need_answers as (
  select w.k, nd.community,
    json_agg(json_build_object('id', x.id, 'at', ${ms('x.at')})
      order by nd.posted_at, nd.id collate "C", x.n, x.at, x.id collate "C") as list
  ${NEED_ANSWERS}
),
impacts as (
  select w.k, a.origin as community,
    json_agg(json_build_object('id', a.id, 'at', ${ms('a.at')}) order by a.n, a.at, a.id collate "C") as list
  ${IMPACTS}
),
unreviewed as (
  select w.k, x.community, json_agg(x.id order by x.published_at desc, x.id collate "C") as ids
  ${UNREVIEWED}
)
select w.k::int as k, t.slug, t.name,
  coalesce(m.counts, '{}') as "publishedPerMonth", coalesce(i.ids, '[]') as "windowArtifacts",
  coalesce(o.old, 0) as old, coalesce(o.unused, '[]') as unused, coalesce(f.list, '[]') as "feedbackOn",
  coalesce(na.list, '[]') as "needAnswers", coalesce(im.list, '[]') as impacts,
  coalesce(u.ids, '[]') as unreviewed, ${WHO}
from w cross join t
  ${joined('m', 'per_month')}
  ${joined('i', 'in_window')}
  ${joined('o', 'old')}
  ${joined('f', 'feedback_on')}
  ${joined('na', 'need_answers')}
  ${joined('im', 'impacts')}
  ${joined('u', 'unreviewed')}
  ${WHO_JOINED}
order by w.k, t.n`;

/**
 * The windows' figures (inputs.ts, SignFigures) without their lists, as figures.ts computes them
 * from the lists above: what the rules read of the window six months earlier, and of the window
 * itself when the query shows no list. One row per window and community.
 */
export const FIGURES_SQL = `
with ${WINDOWED},
old as (select w.k, a.community, count(*)::int as old, (count(*) filter (where u.id is null))::int as unused ${OLD}),
received as (
  select w.k, f.origin as community, count(*)::int as feedback,
    (count(*) filter (where f.community is distinct from f.origin))::int as received,
    coalesce(json_agg(${ms('r.at')} - ${ms('f.at')}) filter (where f.community is distinct from f.origin and r.at <= w.hi),
      '[]') as "responseMs",
    (count(*) filter (where f.community is distinct from f.origin and f.at >= w.six))::int as recent
  ${FEEDBACK_ON}
  group by w.k, f.origin
),
need_answers as (
  select w.k, nd.community, count(*)::int as count, (count(*) filter (where x.at >= w.six))::int as recent
  ${NEED_ANSWERS}
),
impacts as (
  select w.k, a.origin as community, count(*)::int as count, (count(*) filter (where a.at >= w.six))::int as recent
  ${IMPACTS}
),
unreviewed as (select w.k, x.community, count(*)::int as count ${UNREVIEWED})
select w.k::int as k, t.slug, ${WHO},
  coalesce(m.counts, '{}') as "publishedPerMonth", coalesce(m.published, 0) as published,
  coalesce(o.old, 0) as old, coalesce(o.unused, 0) as unused,
  coalesce(f.feedback, 0) as feedback, coalesce(f.received, 0) as received, coalesce(f."responseMs", '[]') as "responseMs",
  coalesce(f.received, 0) + coalesce(na.count, 0) as asks,
  coalesce(f.recent, 0) + coalesce(na.recent, 0) as "asksInLast6Months",
  coalesce(im.count, 0) as impacts, coalesce(im.recent, 0) as "impactsInLast6Months",
  coalesce(u.count, 0) as unreviewed
from w cross join t
  ${joined('m', 'per_month')}
  ${joined('o', 'old')}
  ${joined('f', 'received')}
  ${joined('na', 'need_answers')}
  ${joined('im', 'impacts')}
  ${joined('u', 'unreviewed')}
  ${WHO_JOINED}
order by w.k, t.n`;

/**
 * Adaptations whose source and derivative the index holds (of community $2, or all when null),
 * with both licences, in the order of the asserting communities: the licence check reads them.
 * One row holding an array of arrays (derivative, source, relation, community, source's licence,
 * derivative's): tens of thousands of rows cost more to parse one by one.
 */
export const DERIVATION_LICENCES_SQL = `
with ${GATHERED}
select coalesce(json_agg(json_build_array(x.artifact_id, x.source_id, x.relation, x.community, s.licence, d.licence)
  order by g.n, x.asserted_at, x.id collate "C"), '[]') as derivations
from derivation x join g on g.slug = x.community
  join artifact s on s.id = x.source_id and s.community in (select slug from g)
  join artifact d on d.id = x.artifact_id and d.community in (select slug from g)
where x.relation = any('{${ADAPTATION_RELATIONS.join(',')}}'::text[]) and ($2::text is null or x.community = $2)`;

/**
 * The ecosystem's figures over the window $2 (from) .. $3 (to); the dangling links only if $4
 * (the query shows them). The two long lists come as arrays of arrays, cheaper to build and parse
 * than objects: the adoption matrix (adopter, origin, count; tens of thousands of cells, in the
 * order the report sorts them, so that its sort finds them sorted) and the lineage edges (source,
 * derivative).
 */
export const ECOSYSTEM_SQL = `
with ${GATHERED},
${ADOPTIONS},
${FEEDBACK},
unavailable as (select s.slug from unnest($1::text[]) s(slug) where s.slug not in (select slug from g)),
held as (select a.id from artifact a where a.community in (select slug from g)),
derived as (
  select x.id, g.n, x.community, x.source_id, x.artifact_id, x.asserted_at as at
  from derivation x join g on g.slug = x.community
),
answers as (
  select x.id, g.n, x.community, x.need_id, x.artifact_id, x.answered_at as at
  from need_answer x join g on g.slug = x.community
),
links as (
  select community, n, 0 as kind, at, id, source_id as target from derived
  union all select node, n, 1, at, id, artifact_id from adopt
  union all select node, n, 2, at, id, artifact_id from fb
  union all select community, n, 3, at, id, artifact_id from answers
),
dangling as (
  select l.community, l.n, count(*)::int as count, jsonb_agg(l.id order by l.kind, l.at, l.id collate "C") as ids
  from links l
  where not exists (select 1 from held h where h.id = l.target)
    and left(l.target, greatest(strpos(l.target, ':') - 1, 0)) not in (select slug from unavailable)
  group by l.community, l.n
)
select
  (select coalesce(jsonb_agg(slug), '[]') from unavailable) as unavailable,
  (select coalesce(json_agg(json_build_array(community, origin, count)
      order by (community || origin) collate "C", community collate "C"), '[]')
    from (select community, origin, count(*)::int as count from adopt where at between $2::timestamptz and $3::timestamptz
      group by community, origin) m) as "adoptionMatrix",
  (select coalesce(jsonb_agg(distinct community), '[]') from fb where at between $2::timestamptz and $3::timestamptz) as "feedbackGivers",
  (select coalesce(json_agg(json_build_array(source_id, artifact_id) order by n, at, id collate "C"), '[]')
    from derived) as edges,
  (select coalesce(json_object_agg(a.id, a.doc->>'title'), '{}') from artifact a
    where a.id in (select source_id from derived) and a.community in (select slug from g)) as sources,
  (select coalesce(jsonb_agg(jsonb_build_object('id', nd.id, 'title', nd.doc->>'title', 'community', nd.community,
      'postedAt', nd.doc->>'postedAt') order by g.n, nd.posted_at, nd.id collate "C"), '[]')
    from need nd join g on g.slug = nd.community
    where nd.status = 'OPEN' and not exists (select 1 from answers a where a.need_id = nd.id)) as "unansweredNeeds",
  (select coalesce(jsonb_agg(jsonb_build_object('community', community, 'count', count, 'linkIds', ids)
      order by n), '[]') from dangling where $4::boolean) as "danglingLinks"`;
