/**
 * One row per visible configuration: the operating point under the SLA, the fleet for the peak demand and
 * what it costs, with model, mean ISL/OSL and tool. Configurations are ranked by the chosen cost only within
 * one workload: a mixed table is grouped by workload, with a notice saying why, and each workload's best gets
 * the Cheapest badge. Every cost unfolds into its formula with the user's numbers. On a phone each row reads
 * as a card (styles.css).
 */
import type { ReactNode } from 'react';
import { Fragment, memo, useState } from 'react';
import { SLA_METRIC_INFO, derivedValueNote, slaMetricValue } from '../../core/analysis/metrics.ts';
import { loadLabel } from '../../core/analysis/projection.ts';
import { formatNumber, formatMoney } from '../../core/format/numbers.ts';
import type { SlaConstraint } from '../../core/model/scenario.ts';
import type { DecisionContext, WorkloadDecision } from '../../core/report/recommendation.ts';
import { RANK_METRIC_LABELS, describeGap } from '../../core/report/recommendation.ts';
import type { SeriesResult } from '../../core/report/seriesResult.ts';
import { describeTools, describeWorkload, seriesWorkload } from '../../core/report/workloads.ts';
import { DEMAND_UNIT_NAMES } from '../../core/sizing/demandConversion.ts';
import { EXPLAINED_LABELS, explainResult } from '../../core/tco/breakdown.ts';
import type { Maybe } from '../../core/tco/tco.ts';
import type { ExplainedField } from '../../core/tco/breakdown.ts';
import {
  selectCheapestKeys,
  selectConstrainedKey,
  selectDecisions,
  selectEffectiveSla,
  selectResults,
  selectSeriesWorkloads,
  selectSettings,
} from '../../store/selectors.ts';
import { useActions, useAppStore } from '../../store/StoreProvider.tsx';
import { selectSeriesColors } from '../common/palette.ts';
import { useDeferredAppStore } from '../common/useDeferredAppStore.ts';
import { InfoTip } from '../help/InfoTip.tsx';
import { GoodputLine } from './GoodputLine.tsx';

const COLUMNS = 11;

export function ResultsTable({ exportButtons }: { exportButtons?: ReactNode }) {
  const results = useDeferredAppStore(selectResults);
  const decisions = useDeferredAppStore(selectDecisions);
  const cheapest = useDeferredAppStore(selectCheapestKeys);
  const demand = useAppStore((s) => s.settings.demand);
  const currency = useAppStore((s) => s.settings.currency);
  const rankBy = useAppStore((s) => s.settings.rankBy ?? 'fleetYearUsd');
  const sla = useDeferredAppStore(selectEffectiveSla);
  if (results.length === 0) return null;
  const ctx: DecisionContext = { metric: rankBy, sla, demand, currency };
  const byKey = new Map(results.map((r) => [r.series.key, r]));
  const grouped = decisions.length > 1;
  return (
    <section className="panel results" aria-labelledby="results-title">
      <div className="panel__head">
        <h2 id="results-title">
          Sizing and cost for {formatNumber(demand.peak)} {DEMAND_UNIT_NAMES[demand.unit]} at peak
        </h2>
        {exportButtons}
      </div>
      <WorkloadNotice workloads={decisions.length} />
      <p className="panel__hint">
        Ranked by {RANK_METRIC_LABELS[rankBy]} within each workload (choose beside the recommendation); each row says
        what it costs beyond the best and why.
      </p>
      <div className="table-scroll">
        <table className="results-table">
          <caption className="visually-hidden">Operating point, fleet size and cost per configuration</caption>
          <thead>
            <tr>
              <th scope="col">Configuration</th>
              <th scope="col">Operating point</th>
              <th scope="col">Instances</th>
              <th scope="col">GPUs</th>
              <th scope="col">Servers</th>
              <th scope="col">Cost per year ({currency})</th>
              <th scope="col">{currency} per 1K requests</th>
              <th scope="col">{currency} per 1M tokens</th>
              <th scope="col">{currency} per 1M input tokens</th>
              <th scope="col">{currency} per 1M output tokens</th>
              <th scope="col">
                Demand cost, {currency} per 1M tokens <InfoTip term="capacity" />
              </th>
            </tr>
          </thead>
          {decisions.map((d) => (
            <tbody key={d.group.id} data-workload={d.group.label}>
              {grouped ? (
                <tr className="results-table__group">
                  <th scope="rowgroup" colSpan={COLUMNS}>
                    Workload: {d.group.label}
                  </th>
                </tr>
              ) : null}
              {orderedKeys(d).map((key) => {
                const r = byKey.get(key);
                if (!r) return null;
                const entry = d.ranked.find((e) => e.result.series.key === key);
                const bestName = d.ranked[0]?.result.series.name ?? '';
                const rank =
                  entry && d.ranked.length > 1 ? { rank: entry.rank, gap: describeGap(entry, bestName, ctx) } : null;
                return (
                  <ResultRow
                    key={key}
                    result={r}
                    cheapest={cheapest.has(key)}
                    rank={rank?.rank ?? null}
                    gap={rank?.gap ?? null}
                  />
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <Alternatives results={results} currency={currency} />
    </section>
  );
}

/** Ranked rows first (best first), then those without a value for the chosen cost, in series order. */
function orderedKeys(d: WorkloadDecision): string[] {
  const ranked = d.ranked.map((e) => e.result.series.key);
  return [...ranked, ...d.group.seriesKeys.filter((k) => !ranked.includes(k))];
}

/** Why a mixed table is grouped, with the way to compare across workloads anyway (and back). */
function WorkloadNotice({ workloads }: { workloads: number }) {
  const comparable = useAppStore((s) => s.settings.comparableWorkloads ?? false);
  const { setComparableWorkloads } = useActions();
  if (workloads <= 1 && !comparable) return null;
  return (
    <div className="notice notice--info results__workloads" role="note">
      <span>
        {comparable
          ? 'Every configuration is compared with every other, as you declared them comparable ' +
            '(their models or mean input/output lengths may differ).'
          : `These configurations serve ${workloads} different workloads (another model, or mean input or output ` +
            'tokens more than 10 % apart): a cost per token of one says nothing against another, so they are ' +
            'ranked, and the cheapest named, only within each workload.'}
      </span>
      <label className="checkbox">
        <input type="checkbox" checked={comparable} onChange={(e) => setComparableWorkloads(e.target.checked)} />{' '}
        Compare across workloads (they serve the same work)
      </label>
    </div>
  );
}

interface RowProps {
  result: SeriesResult;
  cheapest: boolean;
  /** Its place in the ranking of its workload and what it costs beyond the best; null when not ranked. */
  rank: number | null;
  gap: string | null;
}

/** A row re-renders only when its result, badge or ranking text changes (a drag moves few of them per frame). */
const ResultRow = memo(function ResultRow({ result, cheapest, rank, gap }: RowProps) {
  const [open, setOpen] = useState(false);
  const colors = useAppStore(selectSeriesColors);
  // The metric|stat pairs of the SLA (not the bounds): what the operating point's figures are shown for.
  const slaStats = useAppStore(selectConstrainedKey);
  const settings = useAppStore(selectSettings);
  const { series, pick, sizing, costs } = result;
  const workload = useAppStore(selectSeriesWorkloads).get(series.key) ?? seriesWorkload(series);
  const name = (
    <th scope="row" className="results-table__name">
      <span className="swatch" style={{ background: colors.get(series.key) }} aria-hidden="true" />
      {series.name}
      {cheapest ? <span className="badge badge--best">Cheapest</span> : null}
      <span className="results-table__meta">
        {result.hardware.name} · {series.gpusPerInstance} GPU{series.gpusPerInstance === 1 ? '' : 's'} per instance
      </span>
      <span className="results-table__meta" data-field="workload">
        {describeWorkload(workload)} · {describeTools(workload)}
      </span>
    </th>
  );
  const ranking =
    rank !== null && gap !== null ? (
      <p className="results-table__rank" data-field="rank">
        <strong>#{rank}</strong> {gap}
      </p>
    ) : null;
  if (!pick.meetsSla || !sizing || !costs) {
    return (
      <tr className="results-table__row--infeasible" data-series={series.name}>
        {name}
        <td colSpan={COLUMNS - 1} className="results-table__reason">
          {result.reason ?? 'Cannot be sized.'}
          {result.notes.map((n) => (
            <span key={n} className="results-table__meta">
              {n}
            </span>
          ))}
        </td>
      </tr>
    );
  }
  const op = pick.operatingPoint;
  const explained = explainResult(result, settings);
  const label = cellLabels(settings.currency);
  const cell = (field: ExplainedField, text: string) => (
    <td title={explained[field]} data-field={field} data-label={label[field]}>
      {text}
    </td>
  );
  /** A cost that may not be computable: "—" then says why, on hover and to screen readers. */
  const costCell = (field: ExplainedField, cost: Maybe) =>
    cost.value === null ? (
      <td data-field={field} data-label={label[field]} title={`Not computed: ${cost.reason}`}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">not computed: {cost.reason}</span>
      </td>
    ) : (
      cell(field, formatMoney(cost.value, settings.currency))
    );
  const missing = (
    [
      [`${settings.currency} per 1K requests`, costs.costPer1kRequestsUsd],
      [`${settings.currency} per 1M tokens`, costs.costPer1MTokensUsd],
      [`${settings.currency} per 1M input/output tokens`, costs.costPer1MInputTokensUsd],
      ['demand cost', costs.demandCostPer1MTokensUsd],
    ] as const
  ).filter(([, cost]) => cost.value === null);
  return (
    <Fragment>
      <tr data-series={series.name}>
        {name}
        <td data-field="operatingPoint" data-label={label.operatingPoint}>
          {loadLabel(op.point)}
          {op.interpolated ? <span className="badge badge--estimate">estimate</span> : null}
          <span className="results-table__meta">
            {formatNumber(sizing.capacityPerInstance)} {DEMAND_UNIT_NAMES[settings.demand.unit]} per instance
            {[...new Set(slaStats.split(','))].map((key) => {
              const [metric, stat] = key.split('|') as [SlaConstraint['metric'], SlaConstraint['stat']];
              const info = SLA_METRIC_INFO[metric];
              const derived = derivedValueNote(op.point, metric, stat) === undefined ? '' : ' (derived)';
              const value = formatNumber(slaMetricValue(op.point, metric, stat));
              return ` · ${info.label} ${stat} ${value} ${info.unit}${derived}`;
            })}
            <GoodputLine point={op.point} />
          </span>
        </td>
        <td data-field="instances" data-label={label.instances} title={explained.instances}>
          {formatNumber(sizing.instances, 0)}
          <span className="results-table__meta">exact {formatNumber(sizing.instancesExact)}</span>
        </td>
        {cell('gpus', formatNumber(sizing.gpus, 0))}
        <td data-field="servers" data-label={label.servers} title={explained.servers}>
          {formatNumber(sizing.servers, 0)}
          <span className="results-table__meta">exact {formatNumber(sizing.serversExact)}</span>
        </td>
        {cell('fleetYearUsd', formatMoney(costs.fleetYearUsd, settings.currency))}
        {costCell('costPer1kRequestsUsd', costs.costPer1kRequestsUsd)}
        {costCell('costPer1MTokensUsd', costs.costPer1MTokensUsd)}
        {costCell('costPer1MInputTokensUsd', costs.costPer1MInputTokensUsd)}
        {costCell('costPer1MOutputTokensUsd', costs.costPer1MOutputTokensUsd)}
        {costCell('demandCostPer1MTokensUsd', costs.demandCostPer1MTokensUsd)}
      </tr>
      <tr className="results-table__details-row">
        <td colSpan={COLUMNS}>
          {ranking}
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide' : 'How was this computed?'}
          </button>
          {open ? (
            <ol className="breakdown">
              {(Object.entries(explained) as Array<[ExplainedField, string]>).map(([field, line]) => (
                <li key={field}>
                  <strong>{EXPLAINED_LABELS[field]}:</strong> <span>{line}</span>
                </li>
              ))}
              {missing.map(([label, cost]) => (
                <li key={label} className="breakdown__note">
                  {label}: not computed — {cost.reason}.
                </li>
              ))}
              {result.notes.map((n) => (
                <li key={n} className="breakdown__note">
                  {n}
                </li>
              ))}
              {op.point.notes.map((n) => (
                <li key={n} className="breakdown__note">
                  {n}
                </li>
              ))}
            </ol>
          ) : null}
        </td>
      </tr>
    </Fragment>
  );
});

/** What each cell is, for the phone layout where a row reads as a card of labelled values. */
function cellLabels(currency: string): Record<ExplainedField, string> {
  return {
    ...EXPLAINED_LABELS,
    fleetYearUsd: `Cost per year (${currency})`,
    costPer1kRequestsUsd: `${currency} per 1K requests`,
    costPer1MTokensUsd: `${currency} per 1M tokens`,
    costPer1MInputTokensUsd: `${currency} per 1M input tokens`,
    costPer1MOutputTokensUsd: `${currency} per 1M output tokens`,
    demandCostPer1MTokensUsd: `Demand cost, ${currency} per 1M tokens`,
  };
}

/** Buying vs renting vs a hosted API, for the configurations that can be sized. */
function Alternatives({ results, currency }: { results: SeriesResult[]; currency: string }) {
  const rows = results.filter((r) => r.costs);
  if (rows.length === 0) return null;
  const label = { onPrem: 'buy servers', cloud: 'rent cloud GPUs', api: 'use the hosted API' } as const;
  return (
    <details className="alternatives">
      <summary>On-prem vs cloud vs hosted API</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Configuration</th>
            <th scope="col">On-prem, {currency}/year</th>
            <th scope="col">Cloud rental, {currency}/year</th>
            <th scope="col">Hosted API at average traffic, {currency}/year</th>
            <th scope="col">Buying pays back after</th>
            <th scope="col">Cheapest</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const c = r.costs!;
            return (
              <tr key={r.series.key}>
                <th scope="row">{r.series.name}</th>
                <td>{formatMoney(c.fleetYearUsd, currency)}</td>
                <td title={c.cloudYearUsd.reason}>
                  {c.cloudYearUsd.value === null
                    ? 'set a price per GPU-hour'
                    : formatMoney(c.cloudYearUsd.value, currency)}
                </td>
                <td title={c.apiYearUsd.reason}>{formatMoney(c.apiYearUsd.value, currency)}</td>
                <td title={c.breakEvenMonthsVsCloud.reason}>
                  {c.breakEvenMonthsVsCloud.value === null
                    ? '—'
                    : `${formatNumber(c.breakEvenMonthsVsCloud.value, 1)} months`}
                </td>
                <td>{label[c.cheapestOption]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
