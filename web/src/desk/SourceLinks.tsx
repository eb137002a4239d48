import { Field } from '../shared/ui';
import { formValues, useAction } from './action';
import { Outcome } from './Notice';
import { adminAsk, mayRecordLinks, type Session } from './session';

/** What an artifact of ours derives from or cites: derivation links, which stewards assert. */
export interface SourceLink {
  id: string;
  sourceId: string;
  relation: string;
  note: string | null;
}

export const RELATIONS = [
  'ADAPTS',
  'EXTENDS',
  'TRANSLATES',
  'REVISES',
  'QUOTES',
  'REFERENCES',
  'SUPPLEMENTS',
];

export function RelationSelect({ id }: { id: string }) {
  return (
    <select id={id} name="relation">
      {RELATIONS.map((r) => (
        <option key={r} value={r}>
          {r.toLowerCase()}
        </option>
      ))}
    </select>
  );
}

export function SourceLinks(props: {
  session: Session;
  artifact: { id: string; status: string; derivedFrom: SourceLink[] };
  onChange: () => void;
}) {
  const action = useAction();
  const steward = mayRecordLinks(props.session);
  const unpublished = props.artifact.status === 'DRAFT' || props.artifact.status === 'IN_REVIEW';
  const onAdd = (event: Event) => {
    const values = formValues(event);
    void action.run(
      () =>
        adminAsk(
          props.session,
          `mutation Link($input: DerivedFromInput!) { addDerivedFrom(input: $input) { id } }`,
          {
            input: {
              artifactId: props.artifact.id,
              sourceId: values.sourceId ?? '',
              relation: values.relation,
              note: values.note,
            },
          },
        ),
      'Link recorded.',
      props.onChange,
    );
  };
  const remove = (linkId: string) =>
    void action.run(
      () =>
        adminAsk(props.session, `mutation Unlink($id: ID!) { removeDerivedFrom(linkId: $id) }`, {
          id: linkId,
        }),
      'Link withdrawn.',
      props.onChange,
    );

  return (
    <section>
      <h2>Sources</h2>
      {props.artifact.derivedFrom.length === 0 ? <p>It derives from and cites nothing.</p> : null}
      <ul>
        {props.artifact.derivedFrom.map((link) => (
          <li key={link.id}>
            {link.relation.toLowerCase()} <code>{link.sourceId}</code>
            {link.note ? `: ${link.note}` : ''}{' '}
            {steward && unpublished ? (
              <button type="button" class="secondary" onClick={() => remove(link.id)}>
                Withdraw link to {link.sourceId}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {steward ? (
        <form class="row" onSubmit={onAdd}>
          <Field label="Relation">{(id) => <RelationSelect id={id} />}</Field>
          <Field label="Source id" hint="community:handle" problem={action.about('sourceId')}>
            {(id, describedBy) => <input id={id} name="sourceId" aria-describedby={describedBy} />}
          </Field>
          <Field label="Note">{(id) => <input id={id} name="note" />}</Field>
          <div class="field">
            <button type="submit" disabled={action.busy}>
              Add source
            </button>
          </div>
        </form>
      ) : null}
      <Outcome action={action} />
    </section>
  );
}
