/**
 * Mean input / output tokens for a series whose files do not report them (e.g. `genai-perf analyze` CSVs):
 * without them every per-token cost is "—". Shown only for the lengths the files lack.
 */
import { useId, useState } from 'react';
import type { ResolvedSeries } from '../../core/analysis/series.ts';
import { missingMeanLengths } from '../../core/analysis/series.ts';
import { RULES, numberProblem } from '../../core/scenario/rules.ts';
import { useActions } from '../../store/StoreProvider.tsx';

export function TypedLengths({ series }: { series: ResolvedSeries }) {
  const missing = missingMeanLengths(series);
  if (!missing.input && !missing.output) return null;
  return (
    <>
      {missing.input ? <LengthField series={series} field="inputTokens" label="Mean input tokens" /> : null}
      {missing.output ? <LengthField series={series} field="outputTokens" label="Mean output tokens" /> : null}
    </>
  );
}

function LengthField({
  series,
  field,
  label,
}: {
  series: ResolvedSeries;
  field: 'inputTokens' | 'outputTokens';
  label: string;
}) {
  const { setSeriesSettings } = useActions();
  const id = useId();
  const typed = field === 'inputTokens' ? series.typedInputTokens : series.typedOutputTokens;
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="visually-hidden">for {series.name}</span>
      </label>
      <input
        id={id}
        type="number"
        min={0}
        step="any"
        placeholder="not in the files"
        value={draft ?? (typed === undefined ? '' : String(typed))}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${id}-problem` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === '') {
            setProblem(null);
            setSeriesSettings(series.key, { [field]: undefined });
            return;
          }
          const issue = numberProblem(Number(text), RULES.sequenceTokens);
          setProblem(issue);
          if (issue === null) setSeriesSettings(series.key, { [field]: Number(text) });
        }}
        onBlur={() => setDraft(null)}
      />
      {problem !== null ? (
        <span id={`${id}-problem`} className="field__error" role="alert">
          {label} {problem}
        </span>
      ) : null}
    </div>
  );
}
