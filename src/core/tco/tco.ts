/**
 * Yearly cost and unit costs (docs/method.md §Server year cost to §Break-even and cheapest option). Money is float
 * USD; nothing is rounded here.
 */
import type { ApiReference, HardwareProfile } from '../model/scenario.ts';
import type { Sizing } from '../sizing/sizeDeployment.ts';

/** 365 days. */
export const SECONDS_PER_YEAR = 31_536_000;
export const HOURS_PER_YEAR = 8_760;

export interface ServerYearCost {
  depreciationUsd: number;
  licenceUsd: number;
  hostingUsd: number;
  powerUsd: number;
  totalUsd: number;
}

/**
 * serverYearUsd = serverPriceUsd / depreciationYears
 *               + licenceUsdPerYear × (gpusPerServer if the licence is per GPU, else 1)
 *               + hostingUsdPerServerYear
 *               + serverKw × pue × 8760 × usdPerKwh   (when power is given)
 */
export function serverYearCost(hardware: HardwareProfile): ServerYearCost {
  const depreciationUsd = hardware.serverPriceUsd / hardware.depreciationYears;
  const licenceUsd = hardware.licence.usdPerYear * (hardware.licence.basis === 'perGpu' ? hardware.gpusPerServer : 1);
  const hostingUsd = hardware.hostingUsdPerServerYear;
  const powerUsd = hardware.power
    ? hardware.power.serverKw * hardware.power.pue * HOURS_PER_YEAR * hardware.power.usdPerKwh
    : 0;
  return {
    depreciationUsd,
    licenceUsd,
    hostingUsd,
    powerUsd,
    totalUsd: depreciationUsd + licenceUsd + hostingUsd + powerUsd,
  };
}

/** What the operating point delivers per instance, and the mean request shape there. */
export interface ThroughputAtOperatingPoint {
  requestsPerSecond: number | undefined;
  outputTokensPerSecond: number | undefined;
  /** Mean input / output tokens per request. */
  meanInputTokens: number | undefined;
  meanOutputTokens: number | undefined;
}

export interface CostInput {
  sizing: Sizing;
  hardware: HardwareProfile;
  throughput: ThroughputAtOperatingPoint;
  api: ApiReference;
  /** Fraction of the year the fleet serves, (0, 1]. */
  uptime: number;
  /** Average traffic in requests/s (peak × average-to-peak, converted to requests), for the demand cost. */
  averageRequestsPerSecond: number | undefined;
}

/** A cost that may not be computable; `reason` says why when `value` is null. */
export type Maybe = { value: number; reason?: undefined } | { value: null; reason: string };

export interface Costs {
  serverYear: ServerYearCost;
  /** servers × serverYearUsd */
  fleetYearUsd: number;
  /** serversExact × serverYearUsd */
  fleetYearExactUsd: number;
  /** servers × serverPriceUsd */
  capexUsd: number;
  /** fleetYearUsd × depreciationYears */
  lifetimeUsd: number;
  /** fleetYearUsd / (instances × rps × S × uptime) × 1000 */
  costPer1kRequestsUsd: Maybe;
  /** serverYearUsd / (rps one server serves × S × uptime) × 1000 — the exact, per-server form */
  costPer1kRequestsExactUsd: Maybe;
  /** costPer1kRequests × 1000 / (ISL + OSL) — input and output tokens together */
  costPer1MTokensUsd: Maybe;
  /** pIn × costPer1kRequests / refPer1kRequests */
  costPer1MInputTokensUsd: Maybe;
  /** pOut × costPer1kRequests / refPer1kRequests */
  costPer1MOutputTokensUsd: Maybe;
  /** fleetYearUsd / (instances × outputTokensPerSecond × S × uptime / 1e6) — all cost on output tokens */
  costPer1MOutputTokensOnlyUsd: Maybe;
  /** The hosted API's price for the same request shape: (ISL × pIn + OSL × pOut) / 1000 */
  apiPer1kRequestsUsd: Maybe;
  /** fleetYearUsd / (average requests/s × S) × 1000: idle capacity and rounding included */
  demandCostPer1kRequestsUsd: Maybe;
  /** demandCostPer1kRequests × 1000 / (ISL + OSL) */
  demandCostPer1MTokensUsd: Maybe;
  /** The API bill for the average traffic over a year: average rps × S × apiPer1kRequests / 1000 */
  apiYearUsd: Maybe;
  /** gpus × usdPerGpuHour × 8760 */
  cloudYearUsd: Maybe;
  /** cloudYearUsd / (instances × rps × S × uptime) × 1000 */
  cloudPer1kRequestsUsd: Maybe;
  /** cloudPer1kRequests × 1000 / (ISL + OSL) */
  cloudPer1MTokensUsd: Maybe;
  /**
   * Months until buying beats renting: capexUsd / ((cloudYearUsd − on-prem running cost per year) / 12),
   * running cost = fleetYearUsd − servers × serverPrice / depreciationYears. Null when renting is never dearer.
   */
  breakEvenMonthsVsCloud: Maybe;
  /** The lowest yearly bill among on-prem, cloud and the hosted API (at average traffic). */
  cheapestOption: 'onPrem' | 'cloud' | 'api';
}

const ok = (value: number): Maybe => ({ value });
const none = (reason: string): Maybe => ({ value: null, reason });

function positive(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}

export function computeCosts(input: CostInput): Costs {
  const { sizing, hardware, throughput, api, uptime, averageRequestsPerSecond } = input;
  const serverYear = serverYearCost(hardware);
  const fleetYearUsd = sizing.servers * serverYear.totalUsd;
  const fleetYearExactUsd = sizing.serversExact * serverYear.totalUsd;
  const capexUsd = sizing.servers * hardware.serverPriceUsd;
  const {
    requestsPerSecond: rps,
    outputTokensPerSecond: otps,
    meanInputTokens: isl,
    meanOutputTokens: osl,
  } = throughput;

  const noRps = 'the operating point has no request throughput';
  const costPer1kRequestsUsd = !positive(rps)
    ? none(noRps)
    : sizing.instances === 0
      ? none('no instances are needed for this demand')
      : ok((fleetYearUsd / (sizing.instances * rps * SECONDS_PER_YEAR * uptime)) * 1000);

  const tokensPerRequest = positive(isl) && osl !== undefined && osl >= 0 ? isl + osl : undefined;
  const noLengths = 'the mean input and output lengths at the operating point are unknown (type them for the series)';
  const per1MTokens = (per1k: Maybe): Maybe =>
    per1k.value === null
      ? per1k
      : tokensPerRequest === undefined
        ? none(noLengths)
        : ok((per1k.value * 1000) / tokensPerRequest);

  const refPer1k =
    tokensPerRequest === undefined || isl === undefined || osl === undefined
      ? undefined
      : (isl * api.usdPer1MInputTokens + osl * api.usdPer1MOutputTokens) / 1000;
  const split = (pricePer1M: number): Maybe => {
    if (costPer1kRequestsUsd.value === null) return costPer1kRequestsUsd;
    if (refPer1k === undefined) return none(noLengths);
    if (!(refPer1k > 0)) {
      return none(
        'the API reference price of this request shape is zero (prices × token counts), ' +
          'so there is no ratio to split input from output',
      );
    }
    return ok((pricePer1M * costPer1kRequestsUsd.value) / refPer1k);
  };

  const demandPer1k = !positive(averageRequestsPerSecond)
    ? none('the average traffic in requests/s is unknown')
    : ok((fleetYearUsd / (averageRequestsPerSecond * SECONDS_PER_YEAR)) * 1000);

  const cloudYearUsd =
    hardware.cloudUsdPerGpuHour === null
      ? none('no cloud $/GPU-hour is set for this hardware')
      : ok(sizing.gpus * hardware.cloudUsdPerGpuHour * HOURS_PER_YEAR);
  const cloudPer1k =
    cloudYearUsd.value === null
      ? cloudYearUsd
      : costPer1kRequestsUsd.value === null
        ? costPer1kRequestsUsd
        : ok((cloudYearUsd.value / (sizing.instances * (rps ?? 0) * SECONDS_PER_YEAR * uptime)) * 1000);

  const runningYearUsd = fleetYearUsd - (sizing.servers * hardware.serverPriceUsd) / hardware.depreciationYears;
  const breakEven =
    cloudYearUsd.value === null
      ? cloudYearUsd
      : cloudYearUsd.value <= runningYearUsd
        ? none('renting costs no more per year than running owned servers, so buying never pays back')
        : ok(capexUsd / ((cloudYearUsd.value - runningYearUsd) / 12));

  const apiPer1k = refPer1k === undefined ? none(noLengths) : ok(refPer1k);
  // The API bills what is served: no traffic costs nothing (not "unknown"), whatever the request shape.
  const apiYearUsd =
    averageRequestsPerSecond === 0
      ? ok(0)
      : apiPer1k.value === null
        ? apiPer1k
        : averageRequestsPerSecond === undefined || !Number.isFinite(averageRequestsPerSecond)
          ? none('the average traffic in requests/s is unknown')
          : ok((averageRequestsPerSecond * SECONDS_PER_YEAR * apiPer1k.value) / 1000);

  const options: Array<['onPrem' | 'cloud' | 'api', number | null]> = [
    ['onPrem', fleetYearUsd],
    ['cloud', cloudYearUsd.value],
    ['api', apiYearUsd.value],
  ];
  const cheapestOption = options.reduce((best, option) =>
    option[1] !== null && (best[1] === null || option[1] < best[1]) ? option : best,
  )[0];

  return {
    serverYear,
    fleetYearUsd,
    fleetYearExactUsd,
    capexUsd,
    lifetimeUsd: fleetYearUsd * hardware.depreciationYears,
    costPer1kRequestsUsd,
    costPer1kRequestsExactUsd: !positive(rps)
      ? none(noRps)
      : ok(
          (serverYear.totalUsd /
            (rps * (hardware.gpusPerServer / sizing.gpusPerInstance) * SECONDS_PER_YEAR * uptime)) *
            1000,
        ),
    costPer1MTokensUsd: per1MTokens(costPer1kRequestsUsd),
    costPer1MInputTokensUsd: split(api.usdPer1MInputTokens),
    costPer1MOutputTokensUsd: split(api.usdPer1MOutputTokens),
    costPer1MOutputTokensOnlyUsd: !positive(otps)
      ? none('the operating point has no output token throughput')
      : sizing.instances === 0
        ? none('no instances are needed for this demand')
        : ok(fleetYearUsd / ((sizing.instances * otps * SECONDS_PER_YEAR * uptime) / 1e6)),
    apiPer1kRequestsUsd: apiPer1k,
    demandCostPer1kRequestsUsd: demandPer1k,
    demandCostPer1MTokensUsd: per1MTokens(demandPer1k),
    apiYearUsd,
    cloudYearUsd,
    cloudPer1kRequestsUsd: cloudPer1k,
    cloudPer1MTokensUsd: per1MTokens(cloudPer1k),
    breakEvenMonthsVsCloud: breakEven,
    cheapestOption,
  };
}
