/**
 * A labelled number input that applies a value only once it is valid as typed as a whole: the text is read when
 * typing pauses (or on Enter, or when the field is left), so "1e99" never applies "1e9" on the way; an invalid
 * text shows why and the last valid value stays in force. Money fields show thousands separators and accept them.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatGrouped, parseTypedNumber } from '../../core/format/numbers.ts';
import type { NumberRule } from '../../core/scenario/rules.ts';
import { numberProblem } from '../../core/scenario/rules.ts';

/** Typing that pauses this long counts as done. */
export const APPLY_AFTER_MS = 400;

interface Props {
  label: string;
  value: number;
  onChange: (value: number) => void;
  rule: NumberRule;
  unit?: string;
  step?: number | 'any';
  hint?: string | undefined;
  /** Thousands separators shown and accepted (a text field then, not a spin box). */
  grouping?: boolean;
  /** What the field belongs to, added to its label for screen readers ("for Llama TP1"). */
  context?: string;
}

export function NumberField(props: Props) {
  const { label, value, onChange, rule, unit, step = 'any', hint, grouping = false, context } = props;
  const id = useId();
  // The text being typed; null while the field shows the store's value.
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const shown = draft ?? (grouping ? formatGrouped(value) : String(value));

  /** Reads the whole text: applies it when valid, else says why. */
  const settle = (text: string) => {
    clearTimeout(timer.current);
    const parsed = parseTypedNumber(text);
    const issue = numberProblem(parsed, rule);
    setProblem(issue);
    if (issue === null && parsed !== value) onChange(parsed);
  };
  const handle = (text: string) => {
    setDraft(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => settle(text), APPLY_AFTER_MS);
  };

  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {context ? <span className="visually-hidden"> for {context}</span> : null}
      </label>
      <span className="field__input">
        <input
          id={id}
          type={grouping ? 'text' : 'number'}
          inputMode="decimal"
          {...(grouping ? { autoComplete: 'off', className: 'field__money' } : { step, min: rule.min, max: rule.max })}
          value={shown}
          aria-invalid={problem !== null}
          aria-describedby={problem || hint ? `${id}-msg` : undefined}
          onChange={(e) => handle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft !== null) settle(draft);
          }}
          onBlur={() => {
            if (draft !== null) settle(draft);
            setDraft(null);
            setProblem(null);
          }}
        />
        {unit ? <span className="field__unit">{unit}</span> : null}
      </span>
      {problem ? (
        <span id={`${id}-msg`} className="field__error" role="alert">
          {label} {problem}; still using {grouping ? formatGrouped(value) : value}.
        </span>
      ) : hint ? (
        <span id={`${id}-msg`} className="field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
