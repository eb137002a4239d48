import { Loading, day, useLoad } from '../shared/ui';
import { kindInWords } from '../shared/kinds';
import { request } from '../shared/graphql';
import { PUBLIC_URL, adminAsk, type Session } from './session';

const LIST = `{ managedArtifacts { id handle status version createdBy draft { title kind } publishedAt } }`;

interface Listed {
  id: string;
  status: string;
  version: number | null;
  createdBy: string;
  publishedAt: string | null;
  draft: { title: string; kind: string } | null;
}

// Published artifacts have no draft: their titles come from our public API.
const PUBLISHED_TITLES = `{ artifacts(first: 100) { edges { node { id title } } } }`;

async function listed(session: Session): Promise<{ managedArtifacts: Array<Listed & { title?: string }> }> {
  const [{ managedArtifacts }, published] = await Promise.all([
    adminAsk<{ managedArtifacts: Listed[] }>(session, LIST),
    request<{ artifacts: { edges: { node: { id: string; title: string } }[] } }>(
      PUBLIC_URL,
      PUBLISHED_TITLES,
    ),
  ]);
  const titles = new Map(published.artifacts.edges.map(({ node }) => [node.id, node.title]));
  return { managedArtifacts: managedArtifacts.map((a) => ({ ...a, title: titles.get(a.id) })) };
}

export const STATUS_WORDS: Record<string, string> = {
  DRAFT: 'draft',
  IN_REVIEW: 'in review',
  PUBLISHED: 'published',
  RETIRED: 'retired',
};

/** Every artifact of our community, drafts first, each opening in the editor. */
export function Drafts({ session }: { session: Session }) {
  const [loaded] = useLoad('drafts', () => listed(session));
  return (
    <>
      <h1>Our artifacts</h1>
      <p>
        <a href="#new">Start a new draft</a>
      </p>
      <Loading loaded={loaded}>
        {({ managedArtifacts }) => (
          <table class="artifacts">
            <thead>
              <tr>
                <th scope="col">Artifact</th>
                <th scope="col">Status</th>
                <th scope="col">Started by</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {managedArtifacts.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={`#edit/${encodeURIComponent(a.id)}`}>{a.draft?.title ?? a.title ?? a.id}</a>
                    {a.draft ? <span class="muted"> · {kindInWords(a.draft.kind)}</span> : null}
                  </td>
                  <td>
                    {STATUS_WORDS[a.status] ?? a.status}
                    {a.version ? ` (version ${a.version})` : ''}
                  </td>
                  <td>{a.createdBy}</td>
                  <td>{day(a.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </>
  );
}
