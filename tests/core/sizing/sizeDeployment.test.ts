import { describe, expect, it } from 'vitest';
import { ceilTolerant, sizeDeployment } from '../../../src/core/sizing/sizeDeployment.ts';

const demand = (peak: number, headroomPercent = 0, spareInstances = 0) => ({ peak, headroomPercent, spareInstances });

describe('sizeDeployment (docs/method.md §Sizing)', () => {
  it('sizes the worked example: 100 req/s peak, 7.5 req/s per TP2 instance, 8-GPU servers', () => {
    // instancesExact = 100 / 7.5 = 13.333…; instances = ceil = 14; gpus = 14 × 2 = 28
    // servers = ceil(14 / floor(8 / 2)) = ceil(14 / 4) = ceil(3.5) = 4
    // serversExact = 13.333… × 2 / 8 = 3.333…
    const s = sizeDeployment({ demand: demand(100), capacityPerInstance: 7.5, gpusPerInstance: 2, gpusPerServer: 8 });
    expect(s.instancesExact).toBeCloseTo(13.333333333, 8);
    expect(s.instances).toBe(14);
    expect(s.gpus).toBe(28);
    expect(s.servers).toBe(4);
    expect(s.serversExact).toBeCloseTo(3.333333333, 8);
  });

  it('applies headroom before rounding and adds spare instances after', () => {
    // 100 × 1.2 / 7.5 = 16 exactly → 16, + 2 spares = 18; TP1 on 8-GPU servers: ceil(18 / 8) = 3
    const s = sizeDeployment({
      demand: demand(100, 20, 2),
      capacityPerInstance: 7.5,
      gpusPerInstance: 1,
      gpusPerServer: 8,
    });
    expect(s.instancesExact).toBeCloseTo(16, 10);
    expect(s.instances).toBe(18);
    expect(s.gpus).toBe(18);
    expect(s.servers).toBe(3);
    expect(s.serversExact).toBeCloseTo(2, 10); // 16 × 1 / 8
  });

  it('does not let an instance span servers when the GPU count does not divide the server', () => {
    // TP3 on 8-GPU servers: floor(8/3) = 2 instances per server; 5 instances → ceil(5/2) = 3 servers
    // (NVIDIA's ceil(5 × 3 / 8) = ceil(1.875) = 2 would put an instance across two servers)
    const s = sizeDeployment({ demand: demand(50), capacityPerInstance: 10, gpusPerInstance: 3, gpusPerServer: 8 });
    expect(s.instances).toBe(5);
    expect(s.gpus).toBe(15);
    expect(s.servers).toBe(3);
    expect(s.serversExact).toBeCloseTo(1.875, 10);
  });

  it('gives each instance whole servers when it needs more GPUs than one server has', () => {
    // TP16 on 8-GPU servers: ceil(16/8) = 2 servers per instance; 3 instances → 6 servers
    const s = sizeDeployment({ demand: demand(30), capacityPerInstance: 12, gpusPerInstance: 16, gpusPerServer: 8 });
    expect(s.instancesExact).toBeCloseTo(2.5, 10);
    expect(s.instances).toBe(3);
    expect(s.gpus).toBe(48);
    expect(s.servers).toBe(6);
    expect(s.serversExact).toBeCloseTo(5, 10); // 2.5 × 16 / 8
  });

  it('needs no instances for zero demand unless spares are asked for', () => {
    expect(
      sizeDeployment({ demand: demand(0), capacityPerInstance: 5, gpusPerInstance: 1, gpusPerServer: 8 }),
    ).toMatchObject({ instances: 0, gpus: 0, servers: 0 });
    expect(
      sizeDeployment({ demand: demand(0, 0, 1), capacityPerInstance: 5, gpusPerInstance: 1, gpusPerServer: 8 }),
    ).toMatchObject({ instances: 1, gpus: 1, servers: 1 });
  });

  it('refuses a capacity of zero rather than returning Infinity', () => {
    expect(() =>
      sizeDeployment({ demand: demand(1), capacityPerInstance: 0, gpusPerInstance: 1, gpusPerServer: 8 }),
    ).toThrow(new RangeError('capacityPerInstance must be > 0'));
  });
});

describe('rounding noise in the sizing chain', () => {
  it('sizes 200 req/s with 10 % headroom at 22 req/s per instance as exactly 10 instances', () => {
    // 200 × 1.1 = 220.00000000000003 in floating point; ÷ 22 = 10.000000000000002. A plain ceil would buy 11.
    const sizing = sizeDeployment({
      demand: { peak: 200, headroomPercent: 10, spareInstances: 0 },
      capacityPerInstance: 22,
      gpusPerInstance: 1,
      gpusPerServer: 8,
    });
    expect(sizing.instances).toBe(10);
    expect(sizing.servers).toBe(2); // ceil(10 / 8)
  });

  it('never sizes a positive demand at zero instances', () => {
    const sizing = sizeDeployment({
      demand: { peak: 1e-9, headroomPercent: 0, spareInstances: 0 },
      capacityPerInstance: 5000,
      gpusPerInstance: 1,
      gpusPerServer: 8,
    });
    expect(sizing.instances).toBe(1);
    expect(sizing.servers).toBe(1);
  });
});

describe('ceilTolerant', () => {
  it('forgives floating-point noise above a whole number but not a real fraction', () => {
    expect(ceilTolerant(0.1 * 3 * 10)).toBe(3); // 3.0000000000000004
    expect(ceilTolerant(3.000001)).toBe(4);
    expect(ceilTolerant(2.5)).toBe(3);
    expect(ceilTolerant(0)).toBe(0);
    // Relative, never absolute near zero: a positive value needs at least 1.
    expect(ceilTolerant(1e-12)).toBe(1);
    expect(ceilTolerant(4e-10)).toBe(1);
  });

  it('scales the tolerance with the value: one part in 10⁹ of it, not 10⁻⁹ ÷ value', () => {
    // 1,000,000.0001 is 1e-4 above 10⁶, and 1e-4 ≤ 1e-9 × 10⁶ = 1e-3: noise, so 10⁶.
    expect(ceilTolerant(1_000_000.0001)).toBe(1_000_000);
    // 1,000,000.01 is 1e-2 above: more than 1e-3, a real fraction.
    expect(ceilTolerant(1_000_000.01)).toBe(1_000_001);
  });
});
