/**
 * "How was this computed": each sizing and cost figure of a series as its formula with the user's numbers
 * (docs/method.md), one line per figure, so a reviewer can redo the arithmetic.
 */
import { describeLoad } from '../analysis/metrics.ts';
import { formatMoney, formatNumber as n, formatPercent } from '../format/numbers.ts';
import type { Scenario } from '../model/scenario.ts';
import type { SeriesResult } from '../report/seriesResult.ts';
import { DEMAND_UNIT_SYMBOLS } from '../sizing/demandConversion.ts';
import { HOURS_PER_YEAR, SECONDS_PER_YEAR } from './tco.ts';

export type ExplainedField =
  | 'operatingPoint'
  | 'instances'
  | 'gpus'
  | 'servers'
  | 'serverYearUsd'
  | 'fleetYearUsd'
  | 'costPer1kRequestsUsd'
  | 'costPer1MTokensUsd'
  | 'costPer1MInputTokensUsd'
  | 'costPer1MOutputTokensUsd'
  | 'costPer1MOutputTokensOnlyUsd'
  | 'demandCostPer1MTokensUsd'
  | 'cloudYearUsd';

/** What each explained figure is, as the results table and CSV name it. */
export const EXPLAINED_LABELS: Readonly<Record<ExplainedField, string>> = {
  operatingPoint: 'Operating point',
  instances: 'Instances',
  gpus: 'GPUs',
  servers: 'Servers',
  serverYearUsd: 'Cost of one server per year',
  fleetYearUsd: 'Cost per year',
  costPer1kRequestsUsd: 'Cost per 1K requests',
  costPer1MTokensUsd: 'Cost per 1M tokens',
  costPer1MInputTokensUsd: 'Cost per 1M input tokens',
  costPer1MOutputTokensUsd: 'Cost per 1M output tokens',
  costPer1MOutputTokensOnlyUsd:
    'Cost per 1M output tokens, all cost on output (as dashboards such as InferenceX report it)',
  demandCostPer1MTokensUsd: 'Demand cost',
  cloudYearUsd: 'Cloud rental per year',
};

export function explainResult(
  result: SeriesResult,
  scenario: Pick<Scenario, 'demand' | 'uptime' | 'apiReference' | 'currency'>,
): Partial<Record<ExplainedField, string>> {
  const usd = (value: number | null | undefined) => formatMoney(value, scenario.currency);
  const { pick, sizing, costs, series } = result;
  if (!pick.meetsSla || !sizing || !costs) return {};
  const out: Partial<Record<ExplainedField, string>> = {};
  const { demand, uptime, apiReference: api } = scenario;
  const op = pick.operatingPoint;
  const unit = DEMAND_UNIT_SYMBOLS[demand.unit];
  const hw = result.hardware;
  const gpi = series.gpusPerInstance;
  const gps = hw.gpusPerServer;

  const how = op.interpolated
    ? 'Estimated between measured levels at'
    : 'Highest-capacity load level meeting every SLA:';
  const littlesLaw = op.capacity.derived ? " (Little's law: req/s × mean E2E)" : '';
  out.operatingPoint =
    `${how} ${describeLoad(op.point)} → ${n(sizing.capacityPerInstance)} ${unit} per instance` + littlesLaw;
  out.instances =
    `${n(demand.peak)} ${unit} × (1 + ${n(demand.headroomPercent)}% headroom) ` +
    `÷ ${n(sizing.capacityPerInstance)} ${unit} per instance = ${n(sizing.instancesExact)} ` +
    `→ rounded up ${n(sizing.instances - demand.spareInstances, 0)} + ${n(demand.spareInstances, 0)} spare ` +
    `= ${n(sizing.instances, 0)} instances`;
  const gpusPerInstance = `${gpi} GPU${gpi === 1 ? '' : 's'} per instance`;
  out.gpus = `${n(sizing.instances, 0)} instances × ${gpusPerInstance} = ${n(sizing.gpus, 0)} GPUs`;
  out.servers =
    gpi <= gps
      ? `ceil(${n(sizing.instances, 0)} instances ÷ ${Math.floor(gps / gpi)} instances per ${gps}-GPU server) ` +
        `= ${n(sizing.servers, 0)} servers ` +
        `(exact: ${n(sizing.instancesExact)} × ${gpi} ÷ ${gps} = ${n(sizing.serversExact)})`
      : `${n(sizing.instances, 0)} instances × ceil(${gpi} ÷ ${gps}) servers each = ${n(sizing.servers, 0)} servers`;

  const sy = costs.serverYear;
  const licence =
    hw.licence.basis === 'perGpu'
      ? `${usd(hw.licence.usdPerYear)} licence × ${gps} GPUs`
      : `${usd(hw.licence.usdPerYear)} licence`;
  const power = hw.power
    ? ` + ${n(hw.power.serverKw)} kW × ${n(hw.power.pue)} PUE × ${HOURS_PER_YEAR} h × ${usd(hw.power.usdPerKwh)}/kWh`
    : '';
  out.serverYearUsd =
    `${usd(hw.serverPriceUsd)} ÷ ${n(hw.depreciationYears)} years + ${licence} ` +
    `+ ${usd(hw.hostingUsdPerServerYear)} hosting${power} = ${usd(sy.totalUsd)} per server-year`;
  out.fleetYearUsd = `${n(sizing.servers, 0)} servers × ${usd(sy.totalUsd)} = ${usd(costs.fleetYearUsd)} per year`;

  const rps = op.point.requestsPerSecond;
  const uptimeText = `${n(SECONDS_PER_YEAR, 0)} s × ${formatPercent(uptime)} uptime`;
  if (costs.costPer1kRequestsUsd.value !== null && rps !== undefined) {
    out.costPer1kRequestsUsd =
      `${usd(costs.fleetYearUsd)} ÷ (${n(sizing.instances, 0)} instances × ${n(rps)} req/s × ${uptimeText}) ` +
      `× 1000 = ${usd(costs.costPer1kRequestsUsd.value)}`;
  }
  const isl = result.meanInputTokens;
  const osl = result.meanOutputTokens;
  const per1k = costs.costPer1kRequestsUsd.value;
  if (costs.costPer1MTokensUsd.value !== null && per1k !== null && isl !== undefined && osl !== undefined) {
    out.costPer1MTokensUsd =
      `${usd(per1k)} per 1K requests × 1000 ÷ (${n(isl)} input + ${n(osl)} output tokens) ` +
      `= ${usd(costs.costPer1MTokensUsd.value)}`;
  }
  const ref = costs.apiPer1kRequestsUsd.value;
  if (ref !== null && isl !== undefined && osl !== undefined && per1k !== null) {
    const refText =
      `reference ${usd(ref)} per 1K requests ` +
      `= (${n(isl)} × ${usd(api.usdPer1MInputTokens)} + ${n(osl)} × ${usd(api.usdPer1MOutputTokens)}) ÷ 1000`;
    if (costs.costPer1MInputTokensUsd.value !== null) {
      out.costPer1MInputTokensUsd =
        `${usd(api.usdPer1MInputTokens)} × ${usd(per1k)} ÷ ${usd(ref)} ` +
        `= ${usd(costs.costPer1MInputTokensUsd.value)} (${refText})`;
    }
    if (costs.costPer1MOutputTokensUsd.value !== null) {
      out.costPer1MOutputTokensUsd =
        `${usd(api.usdPer1MOutputTokens)} × ${usd(per1k)} ÷ ${usd(ref)} ` +
        `= ${usd(costs.costPer1MOutputTokensUsd.value)} (${refText})`;
    }
  }
  const otps = op.point.outputTokensPerSecond;
  if (costs.costPer1MOutputTokensOnlyUsd.value !== null && otps !== undefined) {
    out.costPer1MOutputTokensOnlyUsd =
      `${usd(costs.fleetYearUsd)} ÷ (${n(sizing.instances, 0)} × ${n(otps)} output tok/s × ${uptimeText} ` +
      `÷ 1,000,000) = ${usd(costs.costPer1MOutputTokensOnlyUsd.value)}`;
  }
  if (costs.demandCostPer1MTokensUsd.value !== null && costs.demandCostPer1kRequestsUsd.value !== null) {
    out.demandCostPer1MTokensUsd =
      `At the expected average (${formatPercent(demand.averageToPeak)} of peak): ` +
      `${usd(costs.demandCostPer1kRequestsUsd.value)} per 1K requests ` +
      `→ ${usd(costs.demandCostPer1MTokensUsd.value)} per 1M tokens`;
  }
  if (costs.cloudYearUsd.value !== null && hw.cloudUsdPerGpuHour !== null) {
    out.cloudYearUsd =
      `${n(sizing.gpus, 0)} GPUs × ${usd(hw.cloudUsdPerGpuHour)}/GPU-hour × ${HOURS_PER_YEAR} h ` +
      `= ${usd(costs.cloudYearUsd.value)} per year`;
  }
  return out;
}
