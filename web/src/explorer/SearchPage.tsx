import type { Problem } from '../shared/graphql';
import { Field, Loading, Problems, day, useLoad } from '../shared/ui';
import { ARTIFACT_KINDS, kindInWords } from '../shared/kinds';
import { askCommons, type CommunityRef } from './commons';
import { navigate } from './navigation';
import { artifactPath, communityPath, withParams } from './routes';

const SEARCH = `query Search($filter: ArtifactFilter, $after: String) {
  communities { slug name }
  artifacts(filter: $filter, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id title kind summary status publishedAt
      community { slug name }
      licence { spdx }
      adoptions { id }
    } }
  }
}`;

interface Found {
  id: string;
  title: string;
  kind: string;
  summary: string;
  status: string;
  publishedAt: string;
  community: CommunityRef;
  licence: { spdx: string };
  adoptions: { id: string }[];
}

interface SearchAnswer {
  communities: CommunityRef[];
  artifacts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Found }[];
  };
}

const FILTERS = ['q', 'kind', 'licence', 'community', 'from', 'to'] as const;

function filterOf(params: URLSearchParams) {
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const list = (name: string) => (get(name) ? [get(name)!] : undefined);
  return {
    text: get('q'),
    kinds: list('kind'),
    licences: list('licence'),
    communities: list('community'),
    publishedAfter: get('from') ? `${get('from')}T00:00:00Z` : undefined,
    publishedBefore: get('to') ? `${get('to')}T23:59:59Z` : undefined,
  };
}

export function SearchPage({ params }: { params: URLSearchParams }) {
  const key = params.toString();
  const [loaded] = useLoad(key, () =>
    askCommons<SearchAnswer>(SEARCH, { filter: filterOf(params), after: params.get('after') || undefined }),
  );
  const current = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = Object.fromEntries(FILTERS.map((name) => [name, String(form.get(name) ?? '')]));
    navigate(withParams('/', next));
  };

  return (
    <>
      <h1>Search the Commons</h1>
      <form class="filters" role="search" onSubmit={onSubmit}>
        <Field label="Words">
          {(id) => <input id={id} name="q" type="search" value={current.q} size={28} />}
        </Field>
        <Field label="Kind">
          {(id) => (
            <select id={id} name="kind" value={current.kind}>
              <option value="">any kind</option>
              {ARTIFACT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kindInWords(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Licence (SPDX)">
          {(id) => <input id={id} name="licence" value={current.licence} placeholder="CC-BY-4.0" size={14} />}
        </Field>
        <Field label="Community">
          {(id) => (
            <select id={id} name="community" value={current.community}>
              <option value="">any community</option>
              {loaded.state === 'ready' &&
                loaded.value.data!.communities.map((community) => (
                  <option key={community.slug} value={community.slug}>
                    {community.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Published from">
          {(id) => <input id={id} name="from" type="date" value={current.from} />}
        </Field>
        <Field label="to">{(id) => <input id={id} name="to" type="date" value={current.to} />}</Field>
        <div class="field">
          <button type="submit">Search</button>
        </div>
      </form>
      <Loading loaded={loaded}>
        {({ data, problems }) => (
          <Results answer={data!} problems={problems} params={params} current={current} />
        )}
      </Loading>
    </>
  );
}

function Results(props: {
  answer: SearchAnswer;
  problems: Problem[];
  params: URLSearchParams;
  current: Record<string, string>;
}) {
  const { artifacts } = props.answer;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">
        {artifacts.totalCount} {artifacts.totalCount === 1 ? 'artifact' : 'artifacts'}
      </h2>
      <Problems problems={props.problems} />
      <ol class="results">
        {artifacts.edges.map(({ node }) => (
          <li key={node.id}>
            <a href={artifactPath(node.id)}>
              <strong>{node.title}</strong>
            </a>
            {node.status === 'RETIRED' ? <span class="badge"> retired</span> : null}
            <div class="facts">
              <span>
                from <a href={communityPath(node.community.slug)}>{node.community.name}</a>
              </span>
              <span>{kindInWords(node.kind)}</span>
              <span>licence {node.licence.spdx}</span>
              <span>
                adopted {node.adoptions.length} {node.adoptions.length === 1 ? 'time' : 'times'}
              </span>
              <span>published {day(node.publishedAt)}</span>
            </div>
            {node.summary ? <p>{node.summary}</p> : null}
          </li>
        ))}
      </ol>
      <nav class="row" aria-label="Pages">
        {props.params.get('after') ? <a href={withParams('/', props.current)}>First page</a> : null}
        {artifacts.pageInfo.hasNextPage && artifacts.pageInfo.endCursor ? (
          <a href={withParams('/', { ...props.current, after: artifacts.pageInfo.endCursor })}>Next page</a>
        ) : null}
      </nav>
    </section>
  );
}
