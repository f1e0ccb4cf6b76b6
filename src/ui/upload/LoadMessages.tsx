/**
 * Files that could not be used (each with its reason), companion files skipped on purpose, and files left unread
 * because the user cancelled the load (their own group: nothing is wrong with them).
 */
import type { FileError } from '../../core/model/benchmark.ts';
import { countFiles, groupByReason } from '../../core/report/fileReasons.ts';
import { selectLoadErrors, selectUnresolvedRuns } from '../../store/selectors.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { CANCELLED } from '../../workers/parseClient.ts';
import { MapColumns } from './MapColumns.tsx';
import { UnresolvedLoads } from './UnresolvedLoads.tsx';

export function LoadMessages() {
  const errors = useAppStore(selectLoadErrors);
  const allSkipped = useAppStore((s) => s.skipped);
  const waiting = useAppStore(selectUnresolvedRuns).length;
  const { dismissLoadErrors } = useActions();
  if (errors.length === 0 && allSkipped.length === 0 && waiting === 0) return null;
  const cancelled = allSkipped.filter((entry) => entry.reason === CANCELLED);
  const skipped = allSkipped.filter((entry) => entry.reason !== CANCELLED);
  const one = cancelled.length === 1;
  return (
    <div className="load-messages">
      <UnresolvedLoads />
      {errors.length > 0 ? (
        <div role="alert" className="load-errors">
          <strong>{countFiles(errors.length)} could not be used</strong> — everything else stays loaded.
          <FileReasons entries={errors} />
        </div>
      ) : null}
      <MapColumns />
      {skipped.length > 0 ? (
        <details className="load-skipped">
          <summary>{countFiles(skipped.length)} skipped on purpose (companion files with no summary results)</summary>
          <FileReasons entries={skipped} />
        </details>
      ) : null}
      {cancelled.length > 0 ? (
        <details className="load-skipped load-cancelled">
          <summary>
            {countFiles(cancelled.length)} not read: cancelled by you — drop {one ? 'it' : 'them'} again to load{' '}
            {one ? 'it' : 'them'}
          </summary>
          <ul>
            {cancelled.map(({ file }, i) => (
              <li key={`${file}-${i}`} data-file={file} data-reason={CANCELLED}>
                <code>{file}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="button" className="link" onClick={dismissLoadErrors}>
        Dismiss
      </button>
    </div>
  );
}

/** One line per reason with its count; the files behind it one click away. */
function FileReasons({ entries }: { entries: readonly FileError[] }) {
  return (
    <ul className="file-reasons">
      {groupByReason(entries).map((group) => (
        // data-file / data-reason: each file's own reason, whether its group is folded or not.
        <li
          key={group.reason}
          {...(group.files.length === 1 ? { 'data-file': group.files[0], 'data-reason': group.reason } : {})}
        >
          {group.files.length === 1 ? (
            <>
              <code>{group.files[0]}</code>: {group.reason}
            </>
          ) : (
            <details>
              <summary>
                {countFiles(group.files.length)}: {group.reason}
              </summary>
              <ul>
                {group.files.map((file, i) => (
                  <li key={`${file}-${i}`} data-file={file} data-reason={group.reason}>
                    <code>{file}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
