import { describe, expect, it } from 'vitest';
import {
  API_PRESETS,
  DEFAULT_CLOUD_USD_PER_GPU_HOUR,
  DEFAULT_POWER,
  HARDWARE_PRESETS,
  blankProfile,
  matchingApiPreset,
  profileFromPreset,
} from '../../../src/core/hardware/presets.ts';
import { validateHardware } from '../../../src/core/scenario/validateScenario.ts';
import { serverYearCost } from '../../../src/core/tco/tco.ts';

const preset = (id: string) => HARDWARE_PRESETS.find((p) => p.id === id)!;

describe('hardware presets', () => {
  it('cover the server types asked for, each a valid profile with dated sources', () => {
    expect(HARDWARE_PRESETS.map((p) => p.label)).toEqual([
      '8-GPU H100 server',
      '8-GPU H200 server',
      '8-GPU B200 server',
      '8-GPU B300 server',
      'GB200 NVL72 rack (72 GPUs, counted as one server)',
      '8-GPU MI300X server',
      '8-GPU MI325X server',
      '8-GPU MI355X server',
      '8-GPU L40S server (PCIe)',
    ]);
    for (const p of HARDWARE_PRESETS) {
      const profile = profileFromPreset(p, new Set());
      expect(() => validateHardware(profile, p.id)).not.toThrow();
      expect(profile.name).toMatch(/\(example prices\)$/);
      for (const source of Object.values(p.sources)) {
        expect(source.url).toMatch(/^https:\/\//);
        expect(source.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
        expect(source.note.length).toBeGreaterThan(10);
      }
    }
  });

  it('prices a year of a B200 server from the preset', () => {
    // $515,000 ÷ 4 + $4,500 × 8 GPUs + $3,000 hosting + 14.3 kW × 1.3 × 8760 h × $0.10
    //   = 128,750 + 36,000 + 3,000 + 16,284.84
    expect(serverYearCost(profileFromPreset(preset('b200-8gpu'), new Set())).totalUsd).toBeCloseTo(184_034.84, 6);
  });

  it('scales hosting and licence with the 72 GPUs of a GB200 NVL72 rack, and has AMD servers without licence', () => {
    const rack = serverYearCost(profileFromPreset(preset('gb200-nvl72'), new Set()));
    // 3,000,000 ÷ 4 + 4,500 × 72 + 3,000 × 9 + 120 kW × 1.3 × 876 = 750,000 + 324,000 + 27,000 + 136,656
    expect(rack).toMatchObject({ depreciationUsd: 750_000, licenceUsd: 324_000, hostingUsd: 27_000 });
    expect(rack.totalUsd).toBeCloseTo(1_237_656, 6);
    expect(profileFromPreset(preset('mi355x-8gpu'), new Set())).toMatchObject({
      licence: { usdPerYear: 0 },
      cloudUsdPerGpuHour: null,
    });
  });

  it('gives every added server type an id of its own', () => {
    const first = profileFromPreset(preset('h200-8gpu'), new Set(['dgx-h100']));
    const second = profileFromPreset(preset('h200-8gpu'), new Set(['dgx-h100', first.id]));
    expect([first.id, second.id]).toEqual(['h200-8gpu', 'h200-8gpu-2']);
    expect(blankProfile(new Set(['server']))).toMatchObject({
      id: 'server-2',
      name: 'New server type',
      serverPriceUsd: 0,
      power: null,
    });
  });
});

describe('API presets', () => {
  it('are named, dated examples, found again from their prices', () => {
    expect(API_PRESETS[0]?.prices).toEqual({ usdPer1MInputTokens: 1, usdPer1MOutputTokens: 3 });
    expect(matchingApiPreset({ usdPer1MInputTokens: 0.15, usdPer1MOutputTokens: 0.6 })?.label).toBe(
      'OpenAI GPT-4o mini',
    );
    expect(matchingApiPreset({ usdPer1MInputTokens: 0.15, usdPer1MOutputTokens: 0.61 })).toBeUndefined();
    for (const p of API_PRESETS) expect(p.source.url).toMatch(/^https:\/\//);
  });
});

describe('figures a server type gets when power or cloud rental is ticked', () => {
  it('power: 10.2 kW × 1.3 PUE × 8,760 h × $0.10/kWh = $11,615.76 a year; cloud: $2.50 per GPU-hour', () => {
    expect(DEFAULT_POWER).toEqual({ serverKw: 10.2, pue: 1.3, usdPerKwh: 0.1 });
    const year = serverYearCost({ ...blankProfile(new Set()), power: DEFAULT_POWER });
    expect(year.powerUsd).toBeCloseTo(11_615.76, 6);
    expect(DEFAULT_CLOUD_USD_PER_GPU_HOUR).toBe(2.5);
  });
});
