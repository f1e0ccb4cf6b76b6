/**
 * The SLA set: every constraint must hold. Each bound is editable as a number; the constraint the chart draws (on
 * its x axis' metric: projection.ts drawnConstraint) is also a draggable line there.
 */
import { useId } from 'react';
import { SLA_METRIC_INFO, TPS_PER_USER_DEFINITION_LABELS } from '../../core/analysis/metrics.ts';
import { drawnConstraint } from '../../core/analysis/projection.ts';
import type { SlaConstraint, SlaMetric } from '../../core/model/scenario.ts';
import { SLA_METRICS } from '../../core/model/scenario.ts';
import { RULES } from '../../core/scenario/rules.ts';
import { NEW_CONSTRAINT_BOUNDS, nextConstraint } from '../../core/scenario/defaults.ts';
import { selectAvailableStats, selectEffectiveSla, selectTpsDefinitions, selectView } from '../../store/selectors.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { StatSelect } from '../common/StatSelect.tsx';
import { SlaRuleControl } from './SlaRuleControl.tsx';

export function SlaPanel() {
  const sla = useAppStore(selectEffectiveSla);
  const view = useAppStore(selectView);
  const definitions = useAppStore(selectTpsDefinitions);
  const mixedTps = definitions.length > 1;
  const { addSla } = useActions();
  const next = nextConstraint(sla);
  // One constraint is drawn on the chart (projection.ts drawnConstraint); another of the same metric and statistic
  // is listed, not drawn.
  const drawn = drawnConstraint(sla, view);
  const sameAsDrawn = (c: SlaConstraint) => c.metric === drawn?.constraint.metric && c.stat === drawn.constraint.stat;
  return (
    <section className="panel sla-panel" aria-labelledby="sla-title">
      <h2 id="sla-title">Service-level objectives</h2>
      <p className="panel__hint">A load level qualifies only if every constraint holds there.</p>
      <ul className="sla-list">
        {sla.map((c, i) => (
          <SlaRow
            key={i}
            index={i}
            constraint={c}
            drawn={i === drawn?.index}
            duplicate={i !== drawn?.index && sameAsDrawn(c)}
          />
        ))}
      </ul>
      {mixedTps && sla.some((c) => c.metric === 'tpsPerUser') ? (
        <p className="field__error" role="note">
          The loaded files define tokens/s per user differently (
          {definitions.map((d) => TPS_PER_USER_DEFINITION_LABELS[d]).join('; ')}): the same limit is not the same
          requirement for all configurations.
        </p>
      ) : null}
      <SlaRuleControl />
      <button type="button" disabled={next === undefined} onClick={() => next && addSla(next)}>
        Add constraint
      </button>
    </section>
  );
}

function SlaRow({
  index,
  constraint,
  drawn,
  duplicate,
}: {
  index: number;
  constraint: SlaConstraint;
  drawn: boolean;
  duplicate: boolean;
}) {
  const { setSla, removeSla, setView } = useActions();
  const available = useAppStore(selectAvailableStats);
  const id = useId();
  const info = SLA_METRIC_INFO[constraint.metric];
  const changeMetric = (metric: SlaMetric) =>
    setSla(index, { ...constraint, metric, bound: NEW_CONSTRAINT_BOUNDS[metric] });
  return (
    <li className="sla-row">
      <div className="field">
        <label htmlFor={`${id}-m`}>Metric</label>
        <select id={`${id}-m`} value={constraint.metric} onChange={(e) => changeMetric(e.target.value as SlaMetric)}>
          {SLA_METRICS.map((m) => (
            <option key={m} value={m}>
              {SLA_METRIC_INFO[m].label}
            </option>
          ))}
        </select>
      </div>
      <StatSelect
        value={constraint.stat}
        available={available[constraint.metric]}
        onChange={(stat) => setSla(index, { ...constraint, stat })}
      />
      <NumberField
        label={`${info.label} ${constraint.stat} ${info.direction === 'upper' ? 'at most' : 'at least'}`}
        value={constraint.bound}
        unit={info.unit}
        rule={RULES.slaBound}
        onChange={(bound) => setSla(index, { ...constraint, bound }, { coalesce: true })}
      />
      {drawn ? (
        <span className="sla-row__where">on the chart</span>
      ) : duplicate ? (
        <span className="sla-row__where">same as the line on the chart; not drawn</span>
      ) : (
        <button
          type="button"
          className="link sla-row__where"
          onClick={() => setView({ x: { metric: constraint.metric, stat: constraint.stat } })}
        >
          Show on the chart
          <span className="visually-hidden">
            {' '}
            ({info.label} {constraint.stat})
          </span>
        </button>
      )}
      <button
        type="button"
        className="link danger"
        onClick={() => removeSla(index)}
        aria-label={`Remove ${info.label} ${constraint.stat} constraint`}
      >
        Remove
      </button>
    </li>
  );
}
