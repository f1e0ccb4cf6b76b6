/**
 * A labelled choice of statistic (avg, p50, p99 …). Statistics the loaded files do not report are marked. Any other
 * percentile can be typed ("Other percentile…"): it is read from a file that has it or computed from per-request
 * data.
 */
import { useId, useState } from 'react';
import type { Stat } from '../../core/model/benchmark.ts';
import { STATS, isStat } from '../../core/model/benchmark.ts';

interface Props {
  label?: string;
  value: Stat;
  onChange: (stat: Stat) => void;
  /** The statistics present in the data; the others stay choosable but say they are not in the files. */
  available?: ReadonlySet<Stat>;
}

const OTHER = '__other';

export function StatSelect({ label = 'Statistic', value, onChange, available }: Props) {
  const id = useId();
  const [typing, setTyping] = useState<string | null>(null);
  const listed: readonly Stat[] = (STATS as readonly Stat[]).includes(value) ? STATS : [...STATS, value];
  const mark = (s: Stat) => (available && available.size > 0 && !available.has(s) ? `${s} (not in the files)` : s);
  // "99.90" and "p99.9" both name p99.9 (one name per percentile).
  const number = typing === null ? NaN : Number(typing.trim().replace(/^p/i, ''));
  const typed = typing === null || typing.trim() === '' || Number.isNaN(number) ? undefined : `p${number}`;
  const valid = typed !== undefined && isStat(typed);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={typing === null ? value : OTHER}
        onChange={(e) => {
          if (e.target.value === OTHER) setTyping('');
          else {
            setTyping(null);
            onChange(e.target.value as Stat);
          }
        }}
      >
        {listed.map((s) => (
          <option key={s} value={s}>
            {mark(s)}
          </option>
        ))}
        <option value={OTHER}>Other percentile…</option>
      </select>
      {typing !== null ? (
        <span className="field__input">
          <span className="field__unit">p</span>
          <input
            aria-label={`${label}: percentile between 0 and 100`}
            inputMode="decimal"
            size={6}
            value={typing}
            aria-invalid={typing !== '' && !valid}
            onChange={(e) => setTyping(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && valid && typed) {
                onChange(typed as Stat);
                setTyping(null);
              } else if (e.key === 'Escape') setTyping(null);
            }}
            onBlur={() => {
              if (valid && typed) onChange(typed as Stat);
              setTyping(null);
            }}
          />
        </span>
      ) : null}
    </div>
  );
}
