/** A labelled choice of statistic (avg, p50, p99 …) for a metric. */
import { useId } from 'react';
import type { Stat } from '../../core/model/benchmark.ts';
import { STATS } from '../../core/model/benchmark.ts';

export function StatSelect({ label = 'Statistic', value, onChange }: { label?: string; value: Stat; onChange: (stat: Stat) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Stat)}>
        {STATS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
}
