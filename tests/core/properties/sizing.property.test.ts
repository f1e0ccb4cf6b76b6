/**
 * Sizing (docs/method.md §Sizing): instances, GPUs and servers for a peak demand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SizingInput } from '../../../src/core/sizing/sizeDeployment.ts';
import { sizeDeployment } from '../../../src/core/sizing/sizeDeployment.ts';
import { gpuCount, plausible, relClose } from './arbitraries.ts';

const RUNS = { numRuns: 200 };
/**
 * sizeDeployment forgives floating-point noise when rounding up (3.0000000000004 instances is 3), so the
 * rounded count may sit below the exact one by that much, never more.
 */
const CEIL_SLACK = 1e-9;

const peak = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 10, arbitrary: plausible(0.01, 100_000) });
const headroom = fc.oneof(fc.constantFrom(0, 10, 20, 50, 100), plausible(0, 1_000));
/** Capacities on grids that make peak × (1 + headroom) / capacity land on or near whole numbers. */
const capacity = fc.oneof(
  plausible(0.01, 50_000),
  fc.integer({ min: 1, max: 400 }).map((k) => 200 / k),
  fc.constantFrom(73.33333333333333, 0.1, 1 / 3),
);

const sizingInput: fc.Arbitrary<SizingInput> = fc.record({
  demand: fc.record({ peak, headroomPercent: headroom, spareInstances: fc.integer({ min: 0, max: 3 }) }),
  capacityPerInstance: capacity,
  gpusPerInstance: gpuCount,
  gpusPerServer: gpuCount,
});

/** A non-negative step that is sometimes 0 and sometimes tiny (the ceil tolerance's neighbourhood). */
const step = (max: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e-6, noNaN: true }), plausible(0, max));

describe('sizeDeployment', () => {
  it.each([
    ['peak demand', 'peak', 100_000],
    ['headroom', 'headroomPercent', 1_000],
  ] as const)('instances, GPUs and servers never decrease when the %s rises', (_what, field, max) => {
    fc.assert(
      fc.property(sizingInput, step(max), (input, delta) => {
        const higher: SizingInput = { ...input, demand: { ...input.demand, [field]: input.demand[field] + delta } };
        const a = sizeDeployment(input);
        const b = sizeDeployment(higher);
        expect(b.instances).toBeGreaterThanOrEqual(a.instances);
        expect(b.gpus).toBeGreaterThanOrEqual(a.gpus);
        expect(b.servers).toBeGreaterThanOrEqual(a.servers);
      }),
      RUNS,
    );
  });

  it('instances is a whole number ≥ instancesExact (up to float noise) and < instancesExact + 1 + spares', () => {
    fc.assert(
      fc.property(sizingInput, (input) => {
        const s = sizeDeployment(input);
        const exact = (input.demand.peak * (1 + input.demand.headroomPercent / 100)) / input.capacityPerInstance;
        expect(Number.isInteger(s.instances)).toBe(true);
        expect(relClose(s.instancesExact, exact, 1e-12)).toBe(true);
        expect(s.instances).toBeGreaterThanOrEqual(s.instancesExact * (1 - CEIL_SLACK));
        expect(s.instances - input.demand.spareInstances).toBeGreaterThanOrEqual(s.instancesExact * (1 - CEIL_SLACK));
        expect(s.instances - input.demand.spareInstances).toBeLessThan(s.instancesExact + 1);
        expect(s.gpus).toBe(s.instances * input.gpusPerInstance);
      }),
      RUNS,
    );
  });

  it('servers hold every GPU, and every instance on whole servers when it fits on one', () => {
    fc.assert(
      fc.property(sizingInput, (input) => {
        const s = sizeDeployment(input);
        expect(Number.isInteger(s.servers)).toBe(true);
        expect(s.servers * input.gpusPerServer).toBeGreaterThanOrEqual(s.gpus);
        if (input.gpusPerInstance <= input.gpusPerServer) {
          // An instance does not span servers: each server holds floor(gpusPerServer / gpusPerInstance) instances.
          const perServer = Math.floor(input.gpusPerServer / input.gpusPerInstance);
          expect(s.servers * perServer).toBeGreaterThanOrEqual(s.instances);
          // …and no server is left empty.
          expect((s.servers - 1) * perServer).toBeLessThan(Math.max(s.instances, 1));
        }
      }),
      RUNS,
    );
  });

  it("NVIDIA's formula servers = ceil(instances × gpusPerInstance / gpusPerServer) when the GPU counts divide", () => {
    const divisible = fc
      .record({ gpusPerInstance: fc.constantFrom(1, 2, 4, 8), multiple: fc.integer({ min: 1, max: 8 }) })
      .chain(({ gpusPerInstance, multiple }) =>
        sizingInput.map((input): SizingInput => ({
          ...input,
          gpusPerInstance,
          gpusPerServer: gpusPerInstance * multiple,
        })),
      );
    fc.assert(
      fc.property(divisible, (input) => {
        const s = sizeDeployment(input);
        expect(s.servers).toBe(Math.ceil((s.instances * input.gpusPerInstance) / input.gpusPerServer));
        expect(relClose(s.serversExact, (s.instancesExact * input.gpusPerInstance) / input.gpusPerServer, 1e-12)).toBe(
          true,
        );
      }),
      RUNS,
    );
  });
});
