import { Loading, Problems, day, useLoad } from '../shared/ui';
import { askCommons, type CommunityRef } from './commons';
import { artifactPath, communityPath } from './routes';

const NEEDS = `query Needs($status: NeedStatus) {
  needs(status: $status) {
    id title body tags status postedAt community { slug name }
    answers { id artifactId artifact { title community { name } } note community { slug name } }
  }
}`;

interface NeedsAnswer {
  needs: {
    id: string;
    title: string;
    body: string;
    tags: string[];
    status: string;
    postedAt: string;
    community: CommunityRef;
    answers: {
      id: string;
      artifactId: string;
      artifact: { title: string; community: { name: string } } | null;
      note: string | null;
      community: CommunityRef;
    }[];
  }[];
}

const STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'];

export function NeedsPage({ params }: { params: URLSearchParams }) {
  const status = STATUSES.includes(params.get('status') ?? '') ? params.get('status')! : 'OPEN';
  const [loaded] = useLoad(status, () => askCommons<NeedsAnswer>(NEEDS, { status }));
  return (
    <>
      <h1>Needs board</h1>
      <form class="row" method="get" action="/needs">
        <div class="field">
          <label for="need-status">Needs that are</label>
          <select id="need-status" name="status" value={status}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <button type="submit">Show</button>
        </div>
      </form>
      <Loading loaded={loaded}>
        {({ data, problems }) => (
          <>
            <Problems problems={problems} />
            {data!.needs.length === 0 ? <p>No {status.toLowerCase()} needs.</p> : null}
            <ul class="plain">
              {data!.needs.map((need) => (
                <li key={need.id} class="card">
                  <h2>{need.title}</h2>
                  <div class="facts">
                    <span>
                      posted by <a href={communityPath(need.community.slug)}>{need.community.name}</a> on{' '}
                      {day(need.postedAt)}
                    </span>
                    {need.tags.length ? <span>tags: {need.tags.join(', ')}</span> : null}
                  </div>
                  <p class="body-text">{need.body}</p>
                  <p>
                    {need.answers.length === 0 ? 'Nothing offered yet.' : `${need.answers.length} offered:`}
                  </p>
                  <ul>
                    {need.answers.map((a) => (
                      <li key={a.id}>
                        <a href={artifactPath(a.artifactId)}>{a.artifact?.title ?? a.artifactId}</a> offered
                        by {a.community.name}
                        {a.note ? `: ${a.note}` : ''}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </Loading>
    </>
  );
}
