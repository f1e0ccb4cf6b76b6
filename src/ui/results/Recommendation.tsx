/**
 * The answer first: per workload, the configuration to buy for the current SLA and demand (cheapest that meets
 * the SLA among comparable ones), its fleet and costs, and one line of why; when nothing meets the SLA, the
 * binding constraint and how far it would have to relax, with a button that relaxes it.
 */
import { useId } from 'react';
import { SLA_METRIC_INFO } from '../../core/analysis/metrics.ts';
import { formatMoney, formatNumber } from '../../core/format/numbers.ts';
import type { RankMetric } from '../../core/model/scenario.ts';
import { RANK_METRICS } from '../../core/model/scenario.ts';
import type { RankedEntry, WorkloadDecision } from '../../core/report/recommendation.ts';
import { RANK_METRIC_LABELS } from '../../core/report/recommendation.ts';
import { describeRelaxation, displayBound } from '../../core/sensitivity/relaxation.ts';
import { loadDemo } from '../../store/loading.ts';
import { selectDecisions } from '../../store/selectors.ts';
import { useActions, useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { selectSeriesColors } from '../common/palette.ts';
import { useDeferredAppStore } from '../common/useDeferredAppStore.ts';

export function Recommendation() {
  const decisions = useDeferredAppStore(selectDecisions);
  const hasData = useAppStore((s) => s.runs.length + s.embeddedPoints.length > 0);
  const id = useId();
  return (
    <section className="panel recommendation" aria-labelledby={`${id}-title`} data-testid="recommendation">
      <div className="panel__head">
        <h2 id={`${id}-title`}>Recommendation</h2>
        {decisions.length > 0 ? <RankBySelect /> : null}
      </div>
      {decisions.length === 0 ? <NoData hasData={hasData} /> : null}
      {decisions.length > 1 ? (
        <p className="recommendation__note">
          {decisions.length} workloads are loaded: one answer each, as their costs are not comparable.
        </p>
      ) : null}
      {decisions.map((d) => (
        <WorkloadAnswer key={d.group.id} decision={d} showWorkload={decisions.length > 1} />
      ))}
    </section>
  );
}

function NoData({ hasData }: { hasData: boolean }) {
  const store = useAppStoreApi();
  return (
    <div className="recommendation__empty">
      <p>
        {hasData
          ? 'Every configuration is hidden: tick “Show” in the list of configurations.'
          : 'Load a benchmark sweep — drop its files or folders anywhere on this page — or open the demo.'}
      </p>
      {hasData ? null : (
        <button type="button" onClick={() => void loadDemo(store)}>
          Open the demo
        </button>
      )}
    </div>
  );
}

function RankBySelect() {
  const rankBy = useAppStore((s) => s.settings.rankBy ?? 'fleetYearUsd');
  const { setRankBy } = useActions();
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>Rank by</label>
      <select id={id} value={rankBy} onChange={(e) => setRankBy(e.target.value as RankMetric)}>
        {RANK_METRICS.map((m) => (
          <option key={m} value={m}>
            {RANK_METRIC_LABELS[m]}
          </option>
        ))}
      </select>
    </div>
  );
}

function WorkloadAnswer({ decision, showWorkload }: { decision: WorkloadDecision; showWorkload: boolean }) {
  const { verdict, group } = decision;
  return (
    <div className="recommendation__workload" data-verdict={verdict.kind}>
      {showWorkload ? <p className="recommendation__group">Workload: {group.label}</p> : null}
      {verdict.kind === 'recommended' ? <Answer entry={verdict.best} why={verdict.why} compact={showWorkload} /> : null}
      {verdict.kind === 'tie' ? (
        <p className="recommendation__tie">
          <strong>No single answer:</strong> {verdict.why}.
        </p>
      ) : null}
      {verdict.kind === 'none' ? <NothingMeets decision={decision} /> : null}
    </div>
  );
}

function Answer({ entry, why, compact }: { entry: RankedEntry; why: string; compact: boolean }) {
  const colors = useAppStore(selectSeriesColors);
  const currency = useAppStore((s) => s.settings.currency);
  const { series, sizing, costs } = entry.result;
  if (!sizing || !costs) return null;
  return (
    <>
      <p className="recommendation__name">
        <strong>
          <span className="swatch" style={{ background: colors.get(series.key) }} aria-hidden="true" />
          {series.name}
        </strong>
        <span className="recommendation__hardware">
          on {entry.result.hardware.name} · {series.gpusPerInstance} GPU{series.gpusPerInstance === 1 ? '' : 's'} per
          instance
        </span>
      </p>
      <dl className={`recommendation__figures${compact ? ' recommendation__figures--compact' : ''}`}>
        <div data-figure="servers">
          <dt>Servers</dt>
          <dd>
            {formatNumber(sizing.servers, 0)} <small>({formatNumber(sizing.gpus, 0)} GPUs)</small>
          </dd>
        </div>
        <div data-figure="fleetYearUsd">
          <dt>Cost per year</dt>
          <dd>{formatMoney(costs.fleetYearUsd, currency)}</dd>
        </div>
        <div data-figure="costPer1MTokensUsd">
          <dt>Per 1M tokens</dt>
          <dd title={costs.costPer1MTokensUsd.reason}>{formatMoney(costs.costPer1MTokensUsd.value, currency)}</dd>
        </div>
        <div data-figure="costPer1kRequestsUsd">
          <dt>Per 1K requests</dt>
          <dd title={costs.costPer1kRequestsUsd.reason}>{formatMoney(costs.costPer1kRequestsUsd.value, currency)}</dd>
        </div>
      </dl>
      <p className="recommendation__why">
        <span className="visually-hidden">Why: </span>
        {capitalise(why)}.
      </p>
    </>
  );
}

function NothingMeets({ decision }: { decision: WorkloadDecision }) {
  const { setSla } = useActions();
  const { verdict } = decision;
  if (verdict.kind !== 'none') return null;
  const relaxable = verdict.relaxations
    .filter((r) => r.needed !== null)
    .sort((a, b) => a.relativeChange - b.relativeChange);
  if (verdict.relaxations.length === 0) return <p className="recommendation__none">{capitalise(verdict.why)}.</p>;
  return (
    <div className="recommendation__none">
      <p>
        <strong>Nothing meets the SLA.</strong>{' '}
        {verdict.binding
          ? 'The binding constraint and how far it would have to relax:'
          : 'Relaxing any one constraint alone is not enough; relax several, or measure lower loads.'}
      </p>
      {relaxable.length > 0 ? (
        <ul>
          {relaxable.map((r) => {
            const bound = displayBound(r.needed!.bound, r.constraint);
            return (
              <li key={r.constraintIndex}>
                {describeRelaxation(r)}.{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => setSla(r.constraintIndex, { ...r.constraint, bound })}
                >
                  Relax to {formatNumber(bound)} {SLA_METRIC_INFO[r.constraint.metric].unit}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
