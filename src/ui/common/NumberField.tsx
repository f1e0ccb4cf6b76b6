/**
 * A labelled number input that validates as the user types: a valid value is applied at once (everything
 * recomputes live), an invalid one shows why and the last valid value stays in force.
 */
import { useId, useState } from 'react';
import type { NumberRule } from '../../core/scenario/rules.ts';
import { numberProblem } from '../../core/scenario/rules.ts';

interface Props {
  label: string;
  value: number;
  onChange: (value: number) => void;
  rule: NumberRule;
  unit?: string;
  step?: number | 'any';
  hint?: string;
}

export function NumberField({ label, value, onChange, rule, unit, step = 'any', hint }: Props) {
  const id = useId();
  // The text being typed; null while the field shows the store's value.
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = draft ?? String(value);

  const handle = (text: string) => {
    setDraft(text);
    const parsed = text.trim() === '' ? NaN : Number(text);
    const issue = numberProblem(parsed, rule);
    setProblem(issue);
    if (issue === null) onChange(parsed);
  };

  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="field__input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          min={rule.min}
          max={rule.max}
          value={shown}
          aria-invalid={problem !== null}
          aria-describedby={problem || hint ? `${id}-msg` : undefined}
          onChange={(e) => handle(e.target.value)}
          onBlur={() => {
            setDraft(null);
            setProblem(null);
          }}
        />
        {unit ? <span className="field__unit">{unit}</span> : null}
      </span>
      {problem ? (
        <span id={`${id}-msg`} className="field__error" role="alert">
          {label} {problem}; still using {value}.
        </span>
      ) : hint ? (
        <span id={`${id}-msg`} className="field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
