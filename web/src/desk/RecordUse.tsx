import { useState } from 'preact/hooks';
import { Field, Loading, useLoad } from '../shared/ui';
import { formValues, useAction } from './action';
import { Outcome } from './Notice';
import { COMMUNITY, GATEWAY, adminAsk, commonsAsk, mayRecordLinks, type Session } from './session';
import { RelationSelect } from './SourceLinks';

const FIND = `query Find($text: String) { artifacts(filter: { text: $text }, first: 20) {
  edges { node { id title community { slug name } licence { spdx } } }
} }`;

interface FoundArtifact {
  id: string;
  title: string;
  community: { slug: string; name: string };
  licence: { spdx: string };
}

const OURS = `{ managedArtifacts { id status draft { title } } }`;

/** Recording what we use: find another community's artifact through the gateway, then say so. */
export function RecordUse({ session }: { session: Session }) {
  const [text, setText] = useState<string | null>(null);
  const [chosen, setChosen] = useState<FoundArtifact | null>(null);
  const [found] = useLoad(`find|${text}`, () =>
    text === null
      ? Promise.resolve([] as FoundArtifact[])
      : commonsAsk<{ artifacts: { edges: { node: FoundArtifact }[] } }>(FIND, { text }).then((answer) =>
          answer.artifacts.edges.map((e) => e.node).filter((a) => a.community.slug !== COMMUNITY),
        ),
  );
  if (!GATEWAY) return <p>This node knows no gateway: set GATEWAY_URL to find other communities' work.</p>;
  if (!mayRecordLinks(session)) {
    return (
      <>
        <h1>Record what we use</h1>
        <p>Stewards record the community's adoptions, derivations and feedback. Ask one of them.</p>
      </>
    );
  }
  return (
    <>
      <h1>Record what we use</h1>
      <form
        class="row"
        role="search"
        onSubmit={(event) => {
          setChosen(null);
          setText(formValues(event).text ?? '');
        }}
      >
        <Field label="Find an artifact in the Commons">
          {(id) => <input id={id} name="text" type="search" size={40} />}
        </Field>
        <div class="field">
          <button type="submit">Find</button>
        </div>
      </form>
      <Loading loaded={found}>
        {(list) =>
          text === null ? null : list.length === 0 ? (
            <p>Nothing found in other communities.</p>
          ) : (
            <ul class="found">
              {list.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => setChosen(a)}
                    aria-pressed={chosen?.id === a.id}
                  >
                    {a.title}
                  </button>{' '}
                  {a.community.name} · {a.licence.spdx} · <code>{a.id}</code>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
      {chosen ? <LinkForms key={chosen.id} session={session} artifact={chosen} /> : null}
    </>
  );
}

function LinkForms({ session, artifact }: { session: Session; artifact: FoundArtifact }) {
  const adoption = useAction();
  const feedback = useAction();
  const derivation = useAction();
  const [ours] = useLoad('ours', () =>
    adminAsk<{ managedArtifacts: { id: string; status: string; draft: { title: string } | null }[] }>(
      session,
      OURS,
    ),
  );
  const record = (
    action: ReturnType<typeof useAction>,
    query: string,
    input: Record<string, unknown>,
    done: string,
  ) => void action.run(() => adminAsk(session, query, { input }), done);
  return (
    <section aria-labelledby="chosen-heading">
      <h2 id="chosen-heading">
        {artifact.title} ({artifact.community.name})
      </h2>
      <form
        class="card"
        aria-label="Record an adoption"
        onSubmit={(event) => {
          const v = formValues(event);
          record(
            adoption,
            `mutation Adopt($input: AdoptionInput!) { recordAdoption(input: $input) { id } }`,
            { artifactId: artifact.id, status: v.status, context: v.context ?? '', impact: v.impact },
            'Adoption recorded.',
          );
        }}
      >
        <h3>We adopted it</h3>
        <Field label="Adoption status">
          {(id) => (
            <select id={id} name="status">
              <option value="TRIAL">trial</option>
              <option value="ADOPTED">adopted</option>
              <option value="ABANDONED">abandoned</option>
            </select>
          )}
        </Field>
        <Field label="Where and how we use it" problem={adoption.about('context')}>
          {(id, describedBy) => <textarea id={id} name="context" rows={2} aria-describedby={describedBy} />}
        </Field>
        <Field label="Impact so far" problem={adoption.about('impact')}>
          {(id, describedBy) => <input id={id} name="impact" size={60} aria-describedby={describedBy} />}
        </Field>
        <button type="submit" disabled={adoption.busy}>
          Record adoption
        </button>
        <Outcome action={adoption} />
      </form>
      <form
        class="card"
        aria-label="Give feedback"
        onSubmit={(event) => {
          const v = formValues(event);
          record(
            feedback,
            `mutation Feedback($input: FeedbackInput!) { giveFeedback(input: $input) { id } }`,
            { artifactId: artifact.id, kind: v.kind, body: v.feedbackBody ?? '' },
            'Feedback given.',
          );
        }}
      >
        <h3>Our feedback</h3>
        <Field label="Feedback kind">
          {(id) => (
            <select id={id} name="kind">
              {['WORKED', 'DID_NOT_WORK', 'GAP', 'QUESTION', 'IMPROVEMENT'].map((k) => (
                <option key={k} value={k}>
                  {k.toLowerCase().replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="What we want them to know" problem={feedback.about('body')}>
          {(id, describedBy) => (
            <textarea id={id} name="feedbackBody" rows={3} aria-describedby={describedBy} />
          )}
        </Field>
        <button type="submit" disabled={feedback.busy}>
          Give feedback
        </button>
        <Outcome action={feedback} />
      </form>
      <form
        class="card"
        aria-label="Record a derivation"
        onSubmit={(event) => {
          const v = formValues(event);
          record(
            derivation,
            `mutation Derive($input: DerivedFromInput!) { addDerivedFrom(input: $input) { id } }`,
            { artifactId: v.ours ?? '', sourceId: artifact.id, relation: v.relation, note: v.note },
            'Derivation recorded.',
          );
        }}
      >
        <h3>One of ours derives from it</h3>
        <Loading loaded={ours}>
          {({ managedArtifacts }) => (
            <Field label="Our artifact">
              {(id) => (
                <select id={id} name="ours">
                  {managedArtifacts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.draft?.title ?? a.id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </Loading>
        <Field label="Relation">{(id) => <RelationSelect id={id} />}</Field>
        <Field label="Note">{(id) => <input id={id} name="note" size={40} />}</Field>
        <button type="submit" disabled={derivation.busy}>
          Record derivation
        </button>
        <Outcome action={derivation} />
      </form>
    </section>
  );
}
