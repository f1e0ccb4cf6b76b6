/**
 * Instances, GPUs and servers for a peak demand (docs/method.md §Sizing).
 *
 *   instancesExact = peak × (1 + headroom%/100) / capacityPerInstance
 *   instances      = ceil(instancesExact) + spareInstances
 *   gpus           = instances × gpusPerInstance
 *   servers        = ceil(instances / floor(gpusPerServer / gpusPerInstance))   if gpusPerInstance ≤ gpusPerServer
 *                  = instances × ceil(gpusPerInstance / gpusPerServer)          otherwise (an instance spans servers)
 *   serversExact   = instancesExact × gpusPerInstance / gpusPerServer
 *                    (the published examples keep fractions)
 */
import type { Demand } from '../model/scenario.ts';

export interface SizingInput {
  demand: Pick<Demand, 'peak' | 'headroomPercent' | 'spareInstances'>;
  /** In the demand's unit; must be > 0. */
  capacityPerInstance: number;
  gpusPerInstance: number;
  gpusPerServer: number;
}

export interface Sizing {
  capacityPerInstance: number;
  gpusPerInstance: number;
  instancesExact: number;
  instances: number;
  gpus: number;
  serversExact: number;
  servers: number;
}

/**
 * ceil that forgives floating-point noise: 3.0000000000004 instances is 3, not 4
 * (200 × 1.1 / 22 lands a hair above 10). The tolerance is relative to the value, never absolute: a tiny
 * positive demand (1e-12 instances) still needs one instance, not zero (docs/decisions.md "Tolerant rounding").
 */
export function ceilTolerant(value: number): number {
  const nearest = Math.round(value);
  return nearest !== 0 && Math.abs(value - nearest) <= 1e-9 * Math.abs(value) ? nearest : Math.ceil(value);
}

/** Servers holding `instances` whole instances: an instance spans servers only when it needs more GPUs than one has. */
export function serversFor(instances: number, gpusPerInstance: number, gpusPerServer: number): number {
  return gpusPerInstance <= gpusPerServer
    ? ceilTolerant(instances / Math.floor(gpusPerServer / gpusPerInstance))
    : instances * ceilTolerant(gpusPerInstance / gpusPerServer);
}

export function sizeDeployment(input: SizingInput): Sizing {
  const { demand, capacityPerInstance, gpusPerInstance, gpusPerServer } = input;
  if (!(capacityPerInstance > 0)) throw new RangeError('capacityPerInstance must be > 0');
  const instancesExact = (demand.peak * (1 + demand.headroomPercent / 100)) / capacityPerInstance;
  const instances = ceilTolerant(instancesExact) + demand.spareInstances;
  const gpus = instances * gpusPerInstance;
  const servers = serversFor(instances, gpusPerInstance, gpusPerServer);
  const serversExact = (instancesExact * gpusPerInstance) / gpusPerServer;
  return { capacityPerInstance, gpusPerInstance, instancesExact, instances, gpus, serversExact, servers };
}
