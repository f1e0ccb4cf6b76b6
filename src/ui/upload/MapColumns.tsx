/**
 * Refused files a column mapping could read (a CSV or JSON of a layout no built-in parser knows), each with
 * "Map columns…", which opens the mapping dialog; saving reads the file. Focus goes back to the button, or to
 * the configurations heading when the file was read and its button is gone.
 */
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { pathMatches } from '../../core/parsers/mapped/mapping.ts';
import type { ColumnMapping } from '../../core/parsers/mapped/mapping.ts';
import { saveMapping } from '../../store/mappings.ts';
import { useActions, useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';

// The dialog and its guessing are fetched when first opened: most visits never need them.
const MappingDialog = lazy(() => import('./MappingDialog.tsx').then((m) => ({ default: m.MappingDialog })));

export function MapColumns() {
  const refused = useAppStore((s) => s.refused);
  const mappings = useAppStore((s) => s.settings.mappings);
  const store = useAppStoreApi();
  const { notify } = useActions();
  const [open, setOpen] = useState<string | null>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    if (open !== null || returnTo.current === null) return;
    const button = openers.current.get(returnTo.current);
    returnTo.current = null;
    if (button?.isConnected) button.focus();
    else document.getElementById('series-title')?.focus();
  }, [open, refused]);

  const file = refused.find((f) => f.path === open);
  if (refused.length === 0 && !file) return null;
  const close = () => {
    returnTo.current = open;
    setOpen(null);
  };
  const save = async (mapping: ColumnMapping) => {
    close();
    const { read, refused: failed } = await saveMapping(store, mapping);
    const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
    const parts = [
      `Mapping “${mapping.name}” saved in the scenario`,
      ...(read > 0 ? [`${files(read)} read with it`] : []),
      ...(failed > 0 ? [`${files(failed)} it could not read (listed with the reason)`] : []),
    ];
    notify('info', `${parts.join('; ')}.`);
    // A file read has lost its button: the focus goes to the configurations, where its series now is.
    setTimeout(() => {
      if (document.activeElement === document.body) document.getElementById('series-title')?.focus();
    }, 0);
  };

  return (
    <div className="map-columns">
      <p>
        A mapping can read {refused.length === 1 ? 'this file' : 'these files'}: say which column is which metric, once.
      </p>
      <ul>
        {refused.map((f) => (
          <li key={f.path}>
            <code>{f.path}</code>{' '}
            <button
              type="button"
              ref={(button) => {
                if (button) openers.current.set(f.path, button);
                else openers.current.delete(f.path);
              }}
              aria-label={`Map columns… of ${f.path}`}
              onClick={() => setOpen(f.path)}
            >
              Map columns…
            </button>
          </li>
        ))}
      </ul>
      {file ? (
        <Suspense fallback={<p role="status">Opening the mapping dialog…</p>}>
          <MappingDialog
            file={file}
            initial={mappings?.find((m) => pathMatches(m.appliesTo, file.path))}
            takenIds={(mappings ?? []).map((m) => m.id)}
            onSave={(mapping) => void save(mapping)}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
