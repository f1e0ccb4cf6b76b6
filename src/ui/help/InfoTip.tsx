/** A small "?" button that shows a metric's definition on hover, focus or click (Escape or leaving hides it). */
import { useId, useState } from 'react';
import type { GlossaryTerm } from './glossary.ts';
import { GLOSSARY } from './glossary.ts';

export function InfoTip({ term }: { term: GlossaryTerm }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const entry = GLOSSARY[term];
  return (
    <span className="infotip" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="infotip__button"
        aria-label={`What is ${entry.term}?`}
        aria-expanded={open}
        aria-describedby={open ? id : undefined}
        onClick={() => setOpen(true)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        ?
      </button>
      {open ? (
        <span role="tooltip" id={id} className="infotip__text">
          <strong>{entry.term}.</strong> {entry.text}
        </span>
      ) : null}
    </span>
  );
}

export function Glossary() {
  return (
    <details className="panel glossary">
      <summary>Metric definitions</summary>
      <dl>
        {Object.values(GLOSSARY).map((g) => (
          <div key={g.term}>
            <dt>{g.term}</dt>
            <dd>{g.text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
