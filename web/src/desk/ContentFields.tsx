import { Field } from '../shared/ui';
import { ARTIFACT_KINDS, kindInWords } from '../shared/kinds';
import { listOf, type useAction } from './action';

/** An artifact's content as the admin API takes it (CreateArtifactInput / ArtifactContentInput). */
export interface Content {
  kind: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  licence: string | null;
  attribution: string | null;
  authors: string[];
  aiAssisted: boolean;
  aiTools: string | null;
  mediaUrl: string | null;
}

/**
 * The editor's fields as the API takes them. Every field is sent, an emptied one as null (or an
 * empty text or list), so that clearing a field in the form clears it in the draft; only the
 * required kind and title are left out when empty, and the API says they are needed.
 */
export function contentInput(values: Record<string, string>): Partial<Content> {
  return {
    kind: values.kind,
    title: values.title,
    summary: values.summary ?? '',
    body: values.body ?? '',
    tags: listOf(values.tags) ?? [],
    licence: values.licence ?? null,
    attribution: values.attribution ?? null,
    authors: listOf(values.authors) ?? [],
    // A checkbox sends nothing when unticked, and unticked is an answer too.
    aiAssisted: values.aiAssisted === 'on',
    aiTools: values.aiTools ?? null,
    mediaUrl: values.mediaUrl ?? null,
  };
}

const TEXT: Array<[keyof Content, string, string?]> = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['tags', 'Tags', 'comma-separated'],
  ['licence', 'Licence (SPDX id)', 'e.g. CC-BY-SA-4.0; needed to publish'],
  ['attribution', 'Attribution', 'how others should credit you; needed to publish'],
  ['authors', 'Authors', 'comma-separated human names; at least one to publish'],
  ['aiTools', 'AI tools used'],
  ['mediaUrl', 'Media URL'],
];

/** The content inputs, filled from `content`, each with the API's message for it. */
export function ContentFields(props: { content?: Partial<Content>; action: ReturnType<typeof useAction> }) {
  const c = props.content ?? {};
  const shown = (value: unknown) =>
    Array.isArray(value) ? value.join(', ') : ((value as string | null) ?? '');
  return (
    <>
      <Field label="Kind" problem={props.action.about('kind')}>
        {(id) => (
          <select id={id} name="kind">
            {ARTIFACT_KINDS.map((kind) => (
              // A select has no defaultValue in the DOM: the option says it starts selected.
              <option key={kind} value={kind} selected={kind === (c.kind ?? 'FIELD_GUIDE')}>
                {kindInWords(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {TEXT.slice(0, 2).map(([name, label]) => (
        <Field key={name} label={label} problem={props.action.about(name)}>
          {(id, describedBy) => (
            <input
              id={id}
              name={name}
              defaultValue={shown(c[name])}
              aria-describedby={describedBy}
              size={60}
            />
          )}
        </Field>
      ))}
      <Field label="Body" problem={props.action.about('body')}>
        {(id, describedBy) => (
          <textarea id={id} name="body" defaultValue={c.body ?? ''} aria-describedby={describedBy} rows={8} />
        )}
      </Field>
      {TEXT.slice(2).map(([name, label, hint]) => (
        <Field key={name} label={label} hint={hint} problem={props.action.about(name)}>
          {(id, describedBy) => (
            <input
              id={id}
              name={name}
              defaultValue={shown(c[name])}
              aria-describedby={describedBy}
              size={40}
            />
          )}
        </Field>
      ))}
      <div class="field">
        <label>
          <input type="checkbox" name="aiAssisted" defaultChecked={c.aiAssisted ?? false} /> AI assisted this
          work
        </label>
      </div>
    </>
  );
}
