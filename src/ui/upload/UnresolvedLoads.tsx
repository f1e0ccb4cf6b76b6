/**
 * Runs whose load level neither the file nor its folder name gives (a CSV renamed out of its run folder):
 * the user types it, and the run joins its series (docs/file-formats.md §Load level).
 */
import { useId, useState } from 'react';
import type { UnresolvedRun } from '../../core/parsers/buildPoints.ts';
import { RULES, numberProblem } from '../../core/scenario/rules.ts';
import { selectUnresolvedRuns } from '../../store/selectors.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';

export function UnresolvedLoads() {
  const unresolved = useAppStore(selectUnresolvedRuns);
  if (unresolved.length === 0) return null;
  return (
    <div className="unresolved" role="group" aria-label="Load levels to enter">
      <strong>
        {unresolved.length} run{unresolved.length === 1 ? '' : 's'} without a load level
      </strong>
      <p className="panel__hint">
        Neither the file nor its folder name says at which concurrency or request rate it ran (GenAI-Perf CSVs do not
        record it). Enter it to use the run.
      </p>
      <ul>
        {unresolved.map((run) => (
          <UnresolvedRow key={run.runPath} run={run} />
        ))}
      </ul>
    </div>
  );
}

function UnresolvedRow({ run }: { run: UnresolvedRun }) {
  const { setRunLoad } = useActions();
  const id = useId();
  const [kind, setKind] = useState<'concurrency' | 'requestRate'>('concurrency');
  const [text, setText] = useState('');
  const value = Number(text);
  const problem =
    text === ''
      ? null
      : numberProblem(value, kind === 'concurrency' ? { ...RULES.loadLevel, integer: true } : RULES.loadLevel);
  return (
    <li>
      <code>{run.runPath}</code>
      {run.files.length > 1 || run.files[0] !== run.runPath ? (
        <span className="field__hint"> from {run.files.join(', ')}</span>
      ) : null}
      <div className="row">
        <label htmlFor={`${id}-kind`} className="visually-hidden">
          Load kind
        </label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'concurrency' | 'requestRate')}
        >
          <option value="concurrency">concurrency</option>
          <option value="requestRate">request rate (req/s)</option>
        </select>
        <label htmlFor={`${id}-value`} className="visually-hidden">
          Load level of {run.runPath}
        </label>
        <input
          id={`${id}-value`}
          type="number"
          inputMode="decimal"
          min={0}
          value={text}
          aria-invalid={problem !== null}
          // A number the browser cannot read (1e400) arrives as an empty value with badInput: say so.
          onChange={(e) => setText(e.target.validity.badInput ? 'unreadable' : e.target.value)}
        />
        <button
          type="button"
          disabled={text === '' || problem !== null}
          onClick={() =>
            setRunLoad(run.runPath, kind === 'concurrency' ? { concurrency: value } : { requestRate: value })
          }
        >
          Use
        </button>
      </div>
      {problem ? <span className="field__error">The load level {problem}.</span> : null}
    </li>
  );
}
