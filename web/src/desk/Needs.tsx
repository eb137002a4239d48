import { Field, Loading, day, useLoad } from '../shared/ui';
import { formValues, listOf, useAction } from './action';
import { Outcome } from './Notice';
import { COMMUNITY, GATEWAY, adminAsk, commonsAsk, mayRecordLinks, type Session } from './session';

const NEEDS = `{ needs(status: OPEN) { id title body status postedAt community { slug name }
  answers { id artifactId community { name } } } }`;
const OURS = `{ managedArtifacts(status: PUBLISHED) { id draft { title } } }`;

interface OpenNeed {
  id: string;
  title: string;
  body: string;
  postedAt: string;
  community: { slug: string; name: string };
  answers: { id: string; artifactId: string; community: { name: string } }[];
}

/** Needs: post ours, close them, and offer one of our artifacts for another community's need. */
export function Needs({ session }: { session: Session }) {
  const post = useAction();
  const steward = mayRecordLinks(session);
  const [needs, reload] = useLoad('needs', () =>
    GATEWAY
      ? commonsAsk<{ needs: OpenNeed[] }>(NEEDS).then((a) => a.needs)
      : Promise.resolve([] as OpenNeed[]),
  );
  const [ours] = useLoad('our-published', () =>
    adminAsk<{ managedArtifacts: { id: string; draft: { title: string } | null }[] }>(session, OURS),
  );
  const onPost = (event: Event) => {
    const v = formValues(event);
    void post.run(
      () =>
        adminAsk(session, `mutation Post($input: NeedInput!) { postNeed(input: $input) { id } }`, {
          input: { title: v.title ?? '', body: v.body ?? '', tags: listOf(v.tags) },
        }),
      'Need posted.',
      reload,
    );
  };
  return (
    <>
      <h1>Needs</h1>
      {steward ? (
        <form class="card" onSubmit={onPost} aria-label="Post a need">
          <h2>Post a need of ours</h2>
          <Field label="What we need" problem={post.about('title')}>
            {(id, d) => <input id={id} name="title" size={60} aria-describedby={d} />}
          </Field>
          <Field label="Details" problem={post.about('body')}>
            {(id, d) => <textarea id={id} name="body" rows={3} aria-describedby={d} />}
          </Field>
          <Field label="Tags" hint="comma-separated">
            {(id, d) => <input id={id} name="tags" aria-describedby={d} />}
          </Field>
          <button type="submit" disabled={post.busy}>
            Post need
          </button>
          <Outcome action={post} />
        </form>
      ) : null}
      <h2>Open needs in the Commons</h2>
      {!GATEWAY ? <p>Set GATEWAY_URL to see the needs of other communities.</p> : null}
      <Loading loaded={needs}>
        {(list) => (
          <ul class="plain">
            {list.map((need) => (
              <li key={need.id} class="card">
                <strong>{need.title}</strong> ({need.community.name}, {day(need.postedAt)})
                <p class="body-text">{need.body}</p>
                <p>
                  {need.answers.length} offered
                  {need.answers.length ? `: ${need.answers.map((a) => a.artifactId).join(', ')}` : ''}
                </p>
                {need.community.slug === COMMUNITY && steward ? (
                  <CloseNeed session={session} id={need.id} onClosed={reload} />
                ) : null}
                {need.community.slug !== COMMUNITY && steward && ours.state === 'ready' ? (
                  <Offer
                    session={session}
                    need={need}
                    ours={ours.value.managedArtifacts}
                    onOffered={reload}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Loading>
    </>
  );
}

function CloseNeed(props: { session: Session; id: string; onClosed: () => void }) {
  const action = useAction();
  const close = () =>
    void action.run(
      () =>
        adminAsk(props.session, `mutation Close($id: ID!) { closeNeed(id: $id) { id } }`, { id: props.id }),
      'Need closed.',
      props.onClosed,
    );
  return (
    <>
      <button type="button" class="secondary" onClick={close} disabled={action.busy}>
        Close this need
      </button>
      <Outcome action={action} />
    </>
  );
}

function Offer(props: {
  session: Session;
  need: OpenNeed;
  ours: { id: string; draft: { title: string } | null }[];
  onOffered: () => void;
}) {
  const action = useAction();
  const onOffer = (event: Event) => {
    const v = formValues(event);
    void action.run(
      () =>
        adminAsk(
          props.session,
          `mutation Offer($input: NeedAnswerInput!) { answerNeed(input: $input) { id } }`,
          {
            input: { needId: props.need.id, artifactId: v.artifactId ?? '', note: v.note },
          },
        ),
      'Offered.',
      props.onOffered,
    );
  };
  return (
    <form class="row" onSubmit={onOffer} aria-label={`Offer an artifact for ${props.need.title}`}>
      <Field label="Offer our artifact">
        {(id) => (
          <select id={id} name="artifactId">
            {props.ours.map((a) => (
              <option key={a.id} value={a.id}>
                {a.draft?.title ?? a.id}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Note">{(id) => <input id={id} name="note" />}</Field>
      <div class="field">
        <button type="submit" disabled={action.busy}>
          Offer
        </button>
      </div>
      <Outcome action={action} />
    </form>
  );
}
