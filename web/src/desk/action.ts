import { useState } from 'preact/hooks';
import { problemsOf, type Problem } from '../shared/graphql';

/** One form's call to the API: busy while it runs, then a notice or the API's problems. */
export function useAction() {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  /** Runs `work`; once it succeeded, says `done` and runs `then` (a reload, say). */
  async function run(work: () => Promise<unknown>, done: string, then?: () => void): Promise<boolean> {
    setBusy(true);
    setProblems([]);
    setNotice('');
    try {
      await work();
      setNotice(done);
      then?.();
      return true;
    } catch (error) {
      setProblems(problemsOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  }
  const about = (field: string) => problems.find((problem) => problem.field === field);
  return { problems, notice, busy, run, about };
}

/**
 * A form's fields as strings, trimmed; empty ones left out, so the API keeps what it had, unless
 * `keepEmpty` (a form where emptying a field clears it).
 */
export function formValues(event: Event, { keepEmpty = false } = {}): Record<string, string> {
  event.preventDefault();
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(event.currentTarget as HTMLFormElement)) {
    if (typeof value === 'string' && (keepEmpty || value.trim() !== '')) values[name] = value.trim();
  }
  return values;
}

export const listOf = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
