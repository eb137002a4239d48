import { Loading, day, useLoad } from '../shared/ui';
import { kindInWords } from '../shared/kinds';
import { adminAsk, type Session } from './session';

const LIST = `{ managedArtifacts { id handle status version createdBy draft { title kind } publishedAt } }`;

interface Listed {
  id: string;
  status: string;
  version: number | null;
  createdBy: string;
  publishedAt: string | null;
  draft: { title: string; kind: string } | null;
}

export const STATUS_WORDS: Record<string, string> = {
  DRAFT: 'draft',
  IN_REVIEW: 'in review',
  PUBLISHED: 'published',
  RETIRED: 'retired',
};

/** Every artifact of our community, drafts first, each opening in the editor. */
export function Drafts({ session }: { session: Session }) {
  const [loaded] = useLoad('drafts', () => adminAsk<{ managedArtifacts: Listed[] }>(session, LIST));
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
                    <a href={`#edit/${encodeURIComponent(a.id)}`}>{a.draft?.title ?? a.id}</a>
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
