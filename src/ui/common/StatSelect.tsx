/** A labelled choice of statistic (avg, p50, p99 …). Statistics the loaded files do not report are marked. */
import { useId } from 'react';
import type { Stat } from '../../core/model/benchmark.ts';
import { STATS } from '../../core/model/benchmark.ts';

interface Props {
  label?: string;
  value: Stat;
  onChange: (stat: Stat) => void;
  /** The statistics present in the data; the others stay choosable but say they are not in the files. */
  available?: ReadonlySet<Stat>;
}

export function StatSelect({ label = 'Statistic', value, onChange, available }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Stat)}>
        {STATS.map((s) => (
          <option key={s} value={s}>
            {available && available.size > 0 && !available.has(s) ? `${s} (not in the files)` : s}
          </option>
        ))}
      </select>
    </div>
  );
}
