import { Field, Loading, day, useLoad } from '../shared/ui';
import { kindInWords } from '../shared/kinds';
import { formValues, useAction } from './action';
import { Outcome } from './Notice';
import { COMMUNITY, GATEWAY, adminAsk, commonsAsk, mayRecordLinks, type Session } from './session';

const OURS = `query Ours($slug: String!) { community(slug: $slug) {
  adoptionsReceived { id artifactId artifact { title } community { slug name } status context impact recordedAt }
  feedbackReceived {
    id artifactId artifact { title version } community { name } kind body givenAt
    responses { id kind body }
  }
  artifacts(first: 100) { edges { node { id title
    derivatives { id relation derivativeId derivative { title community { name } } }
  } } }
} }`;

interface Received {
  adoptionsReceived: {
    id: string;
    artifactId: string;
    artifact: { title: string } | null;
    community: { slug: string; name: string };
    status: string;
    context: string;
    impact: string | null;
    recordedAt: string;
  }[];
  feedbackReceived: Feedback[];
  artifacts: {
    edges: {
      node: {
        id: string;
        title: string;
        derivatives: {
          id: string;
          relation: string;
          derivativeId: string;
          derivative: { title: string; community: { name: string } } | null;
        }[];
      };
    }[];
  };
}

interface Feedback {
  id: string;
  artifactId: string;
  artifact: { title: string; version: number } | null;
  community: { name: string };
  kind: string;
  body: string;
  givenAt: string;
  responses: { id: string; kind: string; body: string }[];
}

const explorerLink = (id: string) => `${GATEWAY}/a/${encodeURIComponent(id).replace(/%3A/gi, ':')}`;

/** "What the Commons did with our work": adoptions, derivatives and feedback, answered from here. */
export function OurWork({ session }: { session: Session }) {
  const [loaded, reload] = useLoad('ours', () =>
    commonsAsk<{ community: Received | null }>(OURS, { slug: COMMUNITY }),
  );
  if (!GATEWAY) {
    return (
      <>
        <h1>What the Commons did with our work</h1>
        <p>This node knows no gateway: set GATEWAY_URL in its configuration to see the Commons from here.</p>
      </>
    );
  }
  return (
    <>
      <h1>What the Commons did with our work</h1>
      <Loading loaded={loaded}>
        {({ community }) => {
          if (!community) return <p>The gateway does not know our community yet.</p>;
          const derivatives = community.artifacts.edges.flatMap(({ node }) =>
            node.derivatives.map((d) => ({ ours: node, d })),
          );
          const waiting = community.feedbackReceived.filter((f) => f.responses.length === 0);
          const answered = community.feedbackReceived.filter((f) => f.responses.length > 0);
          return (
            <>
              <h2>Adoptions ({community.adoptionsReceived.length})</h2>
              <ul class="plain">
                {community.adoptionsReceived.map((a) => (
                  <li key={a.id} class="card">
                    <strong>{a.community.name}</strong> {a.status.toLowerCase()}{' '}
                    <a href={explorerLink(a.artifactId)}>{a.artifact?.title ?? a.artifactId}</a> (
                    {day(a.recordedAt)})<p>{a.context}</p>
                    {a.impact ? <p>Impact: {a.impact}</p> : null}
                  </li>
                ))}
              </ul>
              <h2>Derivatives ({derivatives.length})</h2>
              <ul>
                {derivatives.map(({ ours, d }) => (
                  <li key={d.id}>
                    <a href={explorerLink(d.derivativeId)}>{d.derivative?.title ?? d.derivativeId}</a>
                    {d.derivative ? ` (${d.derivative.community.name})` : ''} {d.relation.toLowerCase()}{' '}
                    {ours.title}
                  </li>
                ))}
              </ul>
              <h2>Feedback waiting for our response ({waiting.length})</h2>
              {waiting.map((f) => (
                <FeedbackCard key={f.id} session={session} feedback={f} onAnswered={reload} />
              ))}
              <h2>Feedback we answered ({answered.length})</h2>
              {answered.map((f) => (
                <FeedbackCard key={f.id} session={session} feedback={f} onAnswered={reload} />
              ))}
            </>
          );
        }}
      </Loading>
    </>
  );
}

const RESPONSE_KINDS = ['ACKNOWLEDGED', 'INCORPORATED', 'DECLINED'];

function FeedbackCard(props: { session: Session; feedback: Feedback; onAnswered: () => void }) {
  const f = props.feedback;
  const action = useAction();
  const onRespond = (event: Event) => {
    const values = formValues(event);
    void action.run(
      () =>
        adminAsk(
          props.session,
          `mutation Respond($input: FeedbackResponseInput!) { respondToFeedback(input: $input) { id } }`,
          {
            input: {
              feedbackId: f.id,
              artifactId: f.artifactId,
              kind: values.kind,
              body: values.body ?? '',
              resultingVersion: values.resultingVersion ? Number(values.resultingVersion) : undefined,
            },
          },
        ),
      'Response recorded.',
      props.onAnswered,
    );
  };
  return (
    <article class="card feedback" aria-label={`Feedback from ${f.community.name}`}>
      <p>
        <strong>{f.community.name}</strong> on{' '}
        <a href={explorerLink(f.artifactId)}>{f.artifact?.title ?? f.artifactId}</a>{' '}
        <span class="badge">{kindInWords(f.kind)}</span> ({day(f.givenAt)})
      </p>
      <p class="body-text">{f.body}</p>
      {f.responses.map((r) => (
        <blockquote key={r.id}>
          We answered ({r.kind.toLowerCase()}): <span class="body-text">{r.body}</span>
        </blockquote>
      ))}
      {f.responses.length === 0 && mayRecordLinks(props.session) ? (
        <form onSubmit={onRespond}>
          <div class="row">
            <Field label="Response">
              {(id) => (
                <select id={id} name="kind">
                  {RESPONSE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k.toLowerCase()}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="In version" hint="if incorporated" problem={action.about('resultingVersion')}>
              {(id, describedBy) => (
                <input id={id} name="resultingVersion" type="number" min={1} aria-describedby={describedBy} />
              )}
            </Field>
          </div>
          <Field label="Our answer" problem={action.about('body')}>
            {(id, describedBy) => <textarea id={id} name="body" rows={3} aria-describedby={describedBy} />}
          </Field>
          <button type="submit" disabled={action.busy}>
            Send response
          </button>
          <Outcome action={action} />
        </form>
      ) : null}
    </article>
  );
}
