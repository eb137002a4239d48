import { request } from '../shared/graphql';
import { Field, Loading, useLoad } from '../shared/ui';
import { formValues, useAction } from './action';
import { ContentFields, contentInput, type Content } from './ContentFields';
import { STATUS_WORDS } from './Drafts';
import { Outcome } from './Notice';
import { PublishCheck } from './PublishCheck';
import { PUBLIC_URL, adminAsk, mayPublish, type Session } from './session';
import { SourceLinks, type SourceLink } from './SourceLinks';

const CONTENT = 'kind title summary body tags licence attribution authors aiAssisted aiTools mediaUrl';
const MANAGED = `id handle status version retiredAt retirementReason draft { ${CONTENT} }
  derivedFrom { id sourceId relation note }`;
const SAVE = `mutation Save($id: ID!, $input: ArtifactContentInput!) { updateArtifact(id: $id, input: $input) { id } }`;
const ONE = `query Managed($id: ID!) { managedArtifact(id: $id) { ${MANAGED} } }`;
// What a published artifact says now, from our own public API, to start a new version from.
const PUBLISHED = `query Published($id: ID!) { artifact(id: $id) {
  kind title summary body tags mediaUrl attribution licence { spdx } provenance { authors aiAssisted aiTools }
} }`;

export interface Managed {
  id: string;
  handle: string;
  status: string;
  version: number | null;
  retiredAt: string | null;
  retirementReason: string | null;
  draft: Content | null;
  derivedFrom: SourceLink[];
}

interface Published {
  kind: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  mediaUrl: string | null;
  attribution: string;
  licence: { spdx: string };
  provenance: { authors: string[]; aiAssisted: boolean; aiTools: string | null };
}

async function load(session: Session, id: string): Promise<{ artifact: Managed; content: Partial<Content> }> {
  const { managedArtifact } = await adminAsk<{ managedArtifact: Managed }>(session, ONE, { id });
  if (managedArtifact.draft) return { artifact: managedArtifact, content: managedArtifact.draft };
  const { artifact: p } = await request<{ artifact: Published | null }>(PUBLIC_URL, PUBLISHED, { id });
  return {
    artifact: managedArtifact,
    content: p ? { ...p, licence: p.licence.spdx, ...p.provenance } : {},
  };
}

/** A new draft: only kind and title are needed until it is published. */
export function NewDraft({ session }: { session: Session }) {
  const action = useAction();
  const onSubmit = (event: Event) => {
    const values = formValues(event);
    void action.run(async () => {
      const { createArtifact } = await adminAsk<{ createArtifact: { id: string } }>(
        session,
        `mutation Create($input: CreateArtifactInput!) { createArtifact(input: $input) { id } }`,
        { input: { ...contentInput(values), handle: values.handle } },
      );
      location.hash = `#edit/${encodeURIComponent(createArtifact.id)}`;
    }, 'Draft saved.');
  };
  return (
    <>
      <h1>New draft</h1>
      <p>Nothing is public until a steward publishes it.</p>
      <form onSubmit={onSubmit}>
        <Outcome action={action} />
        <ContentFields action={action} />
        <Field
          label="Handle"
          hint="the last part of its id; made from the title when left empty"
          problem={action.about('handle')}
        >
          {(id, describedBy) => <input id={id} name="handle" aria-describedby={describedBy} />}
        </Field>
        <button type="submit" disabled={action.busy}>
          Save draft
        </button>
      </form>
    </>
  );
}

export function Editor({ session, id }: { session: Session; id: string }) {
  const [loaded, reload] = useLoad(id, () => load(session, id));
  return (
    <Loading loaded={loaded}>
      {({ artifact, content }) => (
        <EditorForm
          key={`${artifact.id}|${artifact.status}|${artifact.version}`}
          {...{ session, artifact, content, reload }}
        />
      )}
    </Loading>
  );
}

function EditorForm(props: {
  session: Session;
  artifact: Managed;
  content: Partial<Content>;
  reload: () => void;
}) {
  const { session, artifact, reload } = props;
  const action = useAction();
  const steward = mayPublish(session);
  const editable = artifact.status === 'DRAFT' || artifact.status === 'IN_REVIEW';
  const published = artifact.status === 'PUBLISHED';
  const mutate = (query: string, variables: Record<string, unknown>, done: string) =>
    action.run(() => adminAsk(session, query, { id: artifact.id, ...variables }), done, reload);

  // One form, several buttons: the button pressed says what to do with its fields.
  const onSubmit = (event: SubmitEvent) => {
    const intent = (event.submitter as HTMLButtonElement | null)?.value ?? 'save';
    const values = formValues(event);
    const input = contentInput(values);
    if (intent === 'save') {
      void mutate(SAVE, { input }, 'Draft saved.');
    } else if (intent === 'submit') {
      void action.run(
        async () => {
          await adminAsk(session, SAVE, { id: artifact.id, input });
          await adminAsk(session, `mutation Submit($id: ID!) { submitForReview(id: $id) { id } }`, {
            id: artifact.id,
          });
        },
        'Saved and submitted for review.',
        reload,
      );
    } else if (intent === 'publish') {
      void action.run(
        async () => {
          await adminAsk(session, SAVE, { id: artifact.id, input });
          await adminAsk(
            session,
            `mutation Publish($id: ID!, $reviewer: String) { publishArtifact(id: $id, reviewer: $reviewer) { id } }`,
            {
              id: artifact.id,
              reviewer: values.reviewer,
            },
          );
        },
        'Published: version 1 is now public.',
        reload,
      );
    } else if (intent === 'new-version') {
      void mutate(
        `mutation NewVersion($id: ID!, $changes: ArtifactContentInput!, $changeNote: String!, $reviewer: String) {
          publishNewVersion(id: $id, changes: $changes, changeNote: $changeNote, reviewer: $reviewer) { id } }`,
        { changes: input, changeNote: values.changeNote ?? '', reviewer: values.reviewer },
        'A new version is published.',
      );
    }
  };

  const onRetire = (event: Event) => {
    const values = formValues(event);
    void mutate(
      `mutation Retire($id: ID!, $reason: String!) { retireArtifact(id: $id, reason: $reason) { id } }`,
      { reason: values.reason ?? '' },
      'Retired: it stays as a tombstone that still resolves.',
    );
  };

  return (
    <>
      <p class="muted">
        <a href="#drafts">Our artifacts</a> · <code>{artifact.id}</code>
      </p>
      <h1>{props.content.title ?? artifact.id}</h1>
      <p>
        Status: <strong class="status">{STATUS_WORDS[artifact.status] ?? artifact.status}</strong>
        {artifact.version ? `, version ${artifact.version}` : ''}
        {artifact.retiredAt ? ` (retired: ${artifact.retirementReason})` : ''}
      </p>
      <form onSubmit={onSubmit}>
        <Outcome action={action} />
        {editable || (published && steward) ? (
          <ContentFields content={props.content} action={action} />
        ) : null}
        {editable && steward ? <PublishCheck artifact={artifact} content={props.content} /> : null}
        {steward && (artifact.status === 'IN_REVIEW' || published) ? (
          <Field label="Human reviewer" hint="needed when AI assisted" problem={action.about('reviewer')}>
            {(fid, describedBy) => <input id={fid} name="reviewer" aria-describedby={describedBy} />}
          </Field>
        ) : null}
        {published && steward ? (
          <Field label="What changed" problem={action.about('changeNote')}>
            {(fid, describedBy) => (
              <input id={fid} name="changeNote" aria-describedby={describedBy} size={60} />
            )}
          </Field>
        ) : null}
        <div class="row">
          {editable ? (
            <button type="submit" name="intent" value="save" disabled={action.busy}>
              Save draft
            </button>
          ) : null}
          {artifact.status === 'DRAFT' ? (
            <button type="submit" name="intent" value="submit" disabled={action.busy}>
              Submit for review
            </button>
          ) : null}
          {steward && artifact.status === 'IN_REVIEW' ? (
            <button type="submit" name="intent" value="publish" disabled={action.busy}>
              Publish
            </button>
          ) : null}
          {steward && published ? (
            <button type="submit" name="intent" value="new-version" disabled={action.busy}>
              Publish new version
            </button>
          ) : null}
        </div>
      </form>
      <SourceLinks session={session} artifact={artifact} onChange={reload} />
      {steward && published ? (
        <form onSubmit={onRetire}>
          <h2>Retire</h2>
          <Field label="Why retire it" problem={action.about('reason')}>
            {(fid) => <input id={fid} name="reason" size={60} />}
          </Field>
          <button type="submit" class="danger" disabled={action.busy}>
            Retire
          </button>
        </form>
      ) : null}
    </>
  );
}
