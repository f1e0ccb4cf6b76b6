/**
 * Undo/redo (buttons and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y), saving and opening scenario files, and the
 * share link. Keyboard shortcuts are left to the browser inside text fields, where they undo typing.
 */
import type { ChangeEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { TOOL_NAMES } from '../../core/model/benchmark.ts';
import { scenarioToJson } from '../../core/scenario/scenarioCodec.ts';
import { scenarioFileSizeProblem } from '../../core/scenario/validateScenario.ts';
import { currentScenario, openScenario, readScenarioFile } from '../../store/scenarioIO.ts';
import { makeShareLink } from '../../store/shareLink.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { downloadText } from '../export/download.ts';

function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox') ||
      target.tagName === 'TEXTAREA')
  );
}

/** For a JSON that is not a scenario: whether it is a benchmark result, and how to load that instead. */
async function benchmarkHint(name: string, text: string, field: string): Promise<string> {
  if (field !== 'format') return '.';
  const { parseFile } = await import('../../core/parsers/registry.ts');
  const outcome = parseFile({ path: name, text });
  if (outcome.kind !== 'runs') return '.';
  const tool = outcome.runs[0] ? TOOL_NAMES[outcome.runs[0].source.tool] : 'benchmark';
  return `. It is a ${tool} result: load it as data with “Choose files…” or by dropping it on the page.`;
}

export function Toolbar() {
  const store = useAppStoreApi();
  const canUndo = useAppStore((s) => s.history.past.length > 0);
  const canRedo = useAppStore((s) => s.history.future.length > 0);
  const fileInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const save = () =>
    downloadText(scenarioToJson(currentScenario(store.getState())), 'llm-tco-scenario.json', 'application/json');

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    // Messages of this action replace those of the previous attempt (topic "scenario-file").
    const tooBig = scenarioFileSizeProblem(file.name, file.size);
    if (tooBig !== null) {
      store.getState().notify('error', tooBig, 'scenario-file');
      return;
    }
    const result = await readScenarioFile(file);
    if (!result.ok) {
      const hint = await benchmarkHint(file.name, result.field === 'format' ? await file.text() : '', result.field);
      store
        .getState()
        .notify(
          'error',
          `${file.name} could not be opened: ${result.message}${hint} Nothing was changed.`,
          'scenario-file',
        );
      return;
    }
    openScenario(store, result.scenario);
    store.getState().notify('info', `Opened ${file.name}.`, 'scenario-file');
  };

  const share = async () => {
    // The link is shown and copied, not put in the address bar: there it would reopen on every reload and
    // override the edits made since.
    const { url, withPoints, pointCount } = makeShareLink(store, window.location.href);
    setLink(url);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // Clipboard refused (no permission, not a secure context): the link is shown to copy by hand.
    }
    const what = withPoints
      ? `It holds the settings and all ${pointCount} benchmark points.`
      : pointCount > 0
        ? 'The benchmark data is too large for a link: it carries the assumptions (SLA, demand, prices) only. ' +
          'Save the scenario to a file to share the data.'
        : 'It holds the settings; no benchmark data is loaded.';
    const done = copied ? 'Share link copied.' : 'Share link ready below.';
    const privacy = "The data stays in the link's fragment, which browsers never send to a server.";
    store.getState().notify('info', `${done} ${what} ${privacy}`, 'share-link');
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Scenario">
      {/* aria-disabled rather than disabled: a button that disables itself would drop the keyboard focus. */}
      <button type="button" onClick={() => store.getState().undo()} aria-disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button
        type="button"
        onClick={() => store.getState().redo()}
        aria-disabled={!canRedo}
        title="Redo (Shift+Ctrl+Z)"
      >
        Redo
      </button>
      <span className="toolbar__sep" aria-hidden="true" />
      <button type="button" onClick={save}>
        Save scenario
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open scenario…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Scenario file"
        onChange={(e) => void open(e)}
      />
      <button type="button" onClick={() => void share()}>
        Copy share link
      </button>
      {link ? (
        <input
          className="toolbar__link"
          readOnly
          value={link}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
    </div>
  );
}
