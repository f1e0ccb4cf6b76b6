/** The scenario's column mappings, each with what it reads and a way to remove it. */
import { useRef } from 'react';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';

export function MappingList() {
  const mappings = useAppStore((s) => s.settings.mappings);
  const { removeMapping } = useActions();
  const heading = useRef<HTMLHeadingElement>(null);
  if (!mappings || mappings.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="mappings-title">
      <h2 id="mappings-title" tabIndex={-1} ref={heading}>
        Column mappings
      </h2>
      <p className="panel__hint">
        They read files no built-in parser knows, and are saved in the scenario. The first that applies to a file reads
        it.
      </p>
      <ul className="mapping-list">
        {mappings.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong>
            <span className="field__hint">
              {' '}
              {m.format.toUpperCase()} files matching <code>{m.appliesTo}</code>, {m.fields.length}{' '}
              {m.fields.length === 1 ? 'column' : 'columns'}
            </span>{' '}
            <button
              type="button"
              className="link danger"
              aria-label={`Remove mapping ${m.name}`}
              onClick={() => {
                removeMapping(m.id);
                // With the last one gone the list goes too: the focus goes to the configurations heading.
                (mappings.length > 1 ? heading.current : document.getElementById('series-title'))?.focus();
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
