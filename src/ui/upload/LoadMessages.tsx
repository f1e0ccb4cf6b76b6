/** Files that could not be used (each with its reason) and companion files skipped on purpose. */
import type { FileError } from '../../core/model/benchmark.ts';
import { selectLoadErrors, selectUnresolvedRuns } from '../../store/selectors.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { UnresolvedLoads } from './UnresolvedLoads.tsx';

export function LoadMessages() {
  const errors = useAppStore(selectLoadErrors);
  const skipped = useAppStore((s) => s.skipped);
  const waiting = useAppStore(selectUnresolvedRuns).length;
  const { dismissLoadErrors } = useActions();
  if (errors.length === 0 && skipped.length === 0 && waiting === 0) return null;
  return (
    <div className="load-messages">
      <UnresolvedLoads />
      {errors.length > 0 ? (
        <div role="alert" className="load-errors">
          <strong>
            {errors.length} file{errors.length === 1 ? '' : 's'} could not be used
          </strong>{' '}
          — everything else stays loaded.
          <FileReasons entries={errors} />
        </div>
      ) : null}
      {skipped.length > 0 ? (
        <details className="load-skipped">
          <summary>
            {skipped.length} companion file{skipped.length === 1 ? '' : 's'} skipped
          </summary>
          <FileReasons entries={skipped} />
        </details>
      ) : null}
      <button type="button" className="link" onClick={dismissLoadErrors}>
        Dismiss
      </button>
    </div>
  );
}

function FileReasons({ entries }: { entries: readonly FileError[] }) {
  return (
    <ul>
      {entries.map((e, i) => (
        <li key={`${e.file}-${i}`}>
          <code>{e.file}</code>: {e.reason}
        </li>
      ))}
    </ul>
  );
}
