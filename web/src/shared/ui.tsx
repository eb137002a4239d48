import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { problemsOf, type Problem } from './graphql';

/** Small pieces both page apps draw with: problems, labelled fields, loading state. */
export function Problems({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="problems" role="alert">
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.message}
            {problem.code ? <span class="code"> ({problem.code})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

let fieldIds = 0;

/** A labelled input with the API's message for this field, if any, tied to it for screen readers. */
export function Field(props: {
  label: string;
  problem?: Problem;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
}) {
  const [id] = useState(() => `field-${++fieldIds}`);
  const describedBy = props.problem ? `${id}-problem` : props.hint ? `${id}-hint` : undefined;
  return (
    <div class={props.problem ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint && !props.problem ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.problem ? (
        <p class="field-problem" id={`${id}-problem`}>
          {props.problem.message}
        </p>
      ) : null}
    </div>
  );
}

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; problems: Problem[] } | { state: 'ready'; value: T };

/** Runs `load` whenever `key` changes; later answers win over earlier ones. */
export function useLoad<T>(key: string, load: () => Promise<T>): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error) => current && setLoaded({ state: 'failed', problems: problemsOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  return [loaded, () => setRound((n) => n + 1)];
}

export function Loading<T>(props: { loaded: Loaded<T>; children: (value: T) => ComponentChildren }) {
  if (props.loaded.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (props.loaded.state === 'failed') return <Problems problems={props.loaded.problems} />;
  return <>{props.children(props.loaded.value)}</>;
}

export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/** What the page finds in a `<meta name="commons-…">` tag the server wrote. */
export function metaValue(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="commons-${name}"]`)?.content ?? '';
}

/** A user-written address: a link when it is http(s), plain text otherwise. */
export function ExternalLink({ url, children }: { url: string; children?: ComponentChildren }) {
  const safe = safeUrl(url);
  return safe ? <a href={safe}>{children ?? url}</a> : <>{url}</>;
}

/** A user-written link target, only when it is http(s): never `javascript:` or `data:`. */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
