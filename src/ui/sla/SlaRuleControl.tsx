/**
 * How a load level qualifies (docs/method.md §Goodput rule): by its statistics (the default), or by the share of its
 * requests that each meet every constraint, which needs per-request files. Saved in the scenario as `slaRule`.
 */
import { useId } from 'react';
import { RULES } from '../../core/scenario/rules.ts';
import { selectHasRequests, selectSlaRule } from '../../store/selectors.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';

const DEFAULT_PERCENT = 95;

export function SlaRuleControl() {
  const rule = useAppStore(selectSlaRule);
  const hasRequests = useAppStore(selectHasRequests);
  const { setSlaRule } = useActions();
  const id = useId();
  const percent = rule.kind === 'goodput' ? rule.minPercent : DEFAULT_PERCENT;
  return (
    <fieldset className="sla-rule">
      <legend>A load level qualifies when</legend>
      <label>
        <input
          type="radio"
          name={`${id}-rule`}
          checked={rule.kind === 'statistic'}
          onChange={() => setSlaRule({ kind: 'statistic' })}
        />
        its statistics meet every constraint
      </label>
      <label>
        <input
          type="radio"
          name={`${id}-rule`}
          checked={rule.kind === 'goodput'}
          onChange={() => setSlaRule({ kind: 'goodput', minPercent: percent })}
        />
        enough of its requests each meet every constraint (goodput)
      </label>
      {rule.kind === 'goodput' ? (
        <NumberField
          label="Good requests at least"
          value={rule.minPercent}
          unit="%"
          rule={RULES.goodputPercent}
          onChange={(minPercent) => setSlaRule({ kind: 'goodput', minPercent })}
          hint="Failed requests count as not good; the statistic of each constraint plays no part per request."
        />
      ) : null}
      {rule.kind === 'goodput' && !hasRequests ? (
        <p className="field__error" role="note">
          No per-request file is loaded: no load level can be checked. Load GenAI-Perf’s profile_export.json, AIPerf’s
          profile_export.jsonl, vLLM results saved with --save-detailed or LLMPerf’s individual responses.
        </p>
      ) : null}
      {hasRequests ? (
        <p className="panel__hint">
          Per-request data is kept in this tab only: a reload, a saved scenario or a link keep the summaries.
        </p>
      ) : null}
    </fieldset>
  );
}
