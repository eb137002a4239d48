import { Problems } from '../shared/ui';
import type { useAction } from './action';

/** Where an action's outcome is announced to screen readers and eyes alike. */
export function Outcome({ action }: { action: ReturnType<typeof useAction> }) {
  return (
    <>
      <Problems problems={action.problems} />
      {action.notice ? (
        <p class="ok" role="status">
          {action.notice}
        </p>
      ) : null}
    </>
  );
}
