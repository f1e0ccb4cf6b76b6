/**
 * The assumptions behind a result, in words and as flat fields: every export carries them
 * (docs/architecture.md §Exports), so a number is never separated from the SLA, demand and prices that produced it.
 */
import { describeConstraint } from '../analysis/feasibility.ts';
import { formatNumber, formatMoney } from '../format/numbers.ts';
import type { Scenario } from '../model/scenario.ts';
import { DEMAND_UNIT_NAMES } from '../sizing/demandConversion.ts';

type Settings = Omit<Scenario, 'points'>;

/**
 * One line each: SLA, demand, hardware prices (of the server types in use, if given), API prices. For chart captions.
 */
export function assumptionLines(settings: Settings, hardwareInUse?: ReadonlySet<string>): string[] {
  const { sla, demand, hardware, apiReference, uptime, interpolate, currency } = settings;
  const money = (value: number) => formatMoney(value, currency);
  const slaText = sla.length === 0 ? 'none' : sla.map(describeConstraint).join('; ');
  const spares = `${demand.spareInstances} spare instance${demand.spareInstances === 1 ? '' : 's'}`;
  const lines = [
    `SLA: ${slaText}${interpolate ? ' (estimates between measured levels allowed)' : ''}`,
    `Peak demand: ${formatNumber(demand.peak)} ${DEMAND_UNIT_NAMES[demand.unit]}, ` +
      `+${formatNumber(demand.headroomPercent)}% headroom, ${spares}; ` +
      `average = ${formatNumber(demand.averageToPeak * 100)}% of peak; uptime ${formatNumber(uptime * 100)}%`,
  ];
  for (const h of hardware.filter((profile) => hardwareInUse === undefined || hardwareInUse.has(profile.id))) {
    const licence = `${money(h.licence.usdPerYear)}/${h.licence.basis === 'perGpu' ? 'GPU' : 'server'}-year licence`;
    const power = h.power
      ? `, power ${formatNumber(h.power.serverKw)} kW × PUE ${formatNumber(h.power.pue)} ` +
        `at ${money(h.power.usdPerKwh)}/kWh`
      : '';
    const cloud = h.cloudUsdPerGpuHour === null ? '' : `, cloud ${money(h.cloudUsdPerGpuHour)}/GPU-hour`;
    lines.push(
      `${h.name}: ${money(h.serverPriceUsd)} per ${h.gpusPerServer}-GPU server ` +
        `over ${formatNumber(h.depreciationYears)} years, ${licence}, ` +
        `${money(h.hostingUsdPerServerYear)}/server-year hosting${power}${cloud}`,
    );
  }
  const apiPrices = `${money(apiReference.usdPer1MInputTokens)} / ${money(apiReference.usdPer1MOutputTokens)}`;
  lines.push(`API reference: ${apiPrices} per 1M input / output tokens`);
  return lines;
}

/** The same assumptions as flat `name → value` columns (numbers stay numbers), for CSV rows. */
export function assumptionColumns(settings: Settings): Array<[string, string | number]> {
  const { sla, demand, apiReference, uptime } = settings;
  return [
    ['assumption: SLA', sla.map(describeConstraint).join('; ')],
    ['assumption: demand unit', demand.unit],
    ['assumption: peak demand', demand.peak],
    ['assumption: headroom (%)', demand.headroomPercent],
    ['assumption: spare instances', demand.spareInstances],
    ['assumption: average / peak', demand.averageToPeak],
    ['assumption: uptime', uptime],
    ['assumption: API input (USD per 1M tokens)', apiReference.usdPer1MInputTokens],
    ['assumption: API output (USD per 1M tokens)', apiReference.usdPer1MOutputTokens],
    ['assumption: currency', settings.currency],
  ];
}
