import { WINDOWS } from './window';

/** A plain GET form: the chosen window lands in the URL, so the page stays shareable. */
export function WindowPicker({ path, months }: { path: string; months: number }) {
  return (
    <form class="row" method="get" action={path}>
      <div class="field">
        <label for="window-months">Window</label>
        <select id="window-months" name="months" value={String(months)}>
          {WINDOWS.map((m) => (
            <option key={m} value={String(m)}>
              last {m} months
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <button type="submit">Show</button>
      </div>
    </form>
  );
}
