/**
 * Example server types and hosted-API prices to start from. Every figure is an EXAMPLE taken from a public page
 * (named with its date below) or derived from such figures as stated; none is a quote. Prices move fast and
 * differ by vendor, volume and contract: replace them with your own quotes.
 *
 * Common assumptions of the server presets (NVIDIA's published TCO walkthrough, the app's default): 4 years of
 * depreciation, $3,000 hosting per 8 GPUs per year; NVIDIA presets carry NVIDIA's example software licence of
 * $4,500 per GPU per year, AMD presets none (ROCm is free; add your support contract). Power is counted at the
 * stated draw × PUE 1.3 × $0.10 per kWh.
 */
import type { ApiReference, HardwareProfile, PowerCost } from '../model/scenario.ts';

export interface PresetSource {
  /** What the page says and how the number was taken from it. */
  note: string;
  url: string;
  /** The page's date, or when it was read (YYYY-MM or YYYY-MM-DD). */
  date: string;
}

export interface HardwarePreset {
  id: string;
  label: string;
  gpusPerServer: number;
  serverPriceUsd: number;
  serverKw: number;
  /** Null where no public on-demand price was found. */
  cloudUsdPerGpuHour: number | null;
  vendor: 'nvidia' | 'amd';
  sources: { price: PresetSource; power: PresetSource; cloud: PresetSource };
}

const NVIDIA_TCO_POST =
  'https://developer.nvidia.com/blog/benchmarking-llm-inference-costs-for-smarter-scaling-and-deployment/';
const SERVNET = 'https://www.servnetuk.com/research/ai-servers';
const KAEL = 'https://kaelresearch.com/blog/gpu-economics-real-inference-costs';
const ORNN = 'https://www.ornnai.com/research/nvidia-b200-vs-b300-why-use-one-instead-of-the-other';
const CLIFF = 'https://www.cliffcenter.com/research/amd-inference-economics';
const READ = '2026-11-30';

const coreweave = (what: string, hourly: number, gpus: number): PresetSource => ({
  note:
    `CoreWeave on-demand list price for ${what}: $${hourly}/hour ÷ ${gpus} GPUs ` +
    '(Kael Research, "GPU Economics: What Inference Actually Costs in 2026")',
  url: KAEL,
  date: '2026-02',
});

export const HARDWARE_PRESETS: readonly HardwarePreset[] = [
  {
    id: 'h100-8gpu',
    label: '8-GPU H100 server',
    vendor: 'nvidia',
    gpusPerServer: 8,
    serverPriceUsd: 320_000,
    serverKw: 10.2,
    cloudUsdPerGpuHour: 6.16,
    sources: {
      price: {
        note: "NVIDIA's worked TCO example (hypothetical server cost, as the post says)",
        url: NVIDIA_TCO_POST,
        date: '2025',
      },
      power: {
        note: 'NVIDIA DGX H100: about 10.2 kW (Servnet, "AI Servers: The 2026 Data Study")',
        url: SERVNET,
        date: '2026-07-05',
      },
      cloud: coreweave('8× HGX H100', 49.24, 8),
    },
  },
  {
    id: 'h200-8gpu',
    label: '8-GPU H200 server',
    vendor: 'nvidia',
    gpusPerServer: 8,
    serverPriceUsd: 400_000,
    serverKw: 10.2,
    cloudUsdPerGpuHour: 6.31,
    sources: {
      price: {
        note: '"~$400K+" for an 8× H200 system (AI Hardware Engineer Roadmap, L40S ×12 vs H200 ×8 comparison)',
        url: 'https://ai-hpc.github.io/ai-hardware-engineer-roadmap/',
        date: READ,
      },
      power: {
        note: 'same 8-GPU Hopper platform and 700 W per SXM GPU as the H100 server: taken as its 10.2 kW',
        url: SERVNET,
        date: '2026-07-05',
      },
      cloud: coreweave('8× HGX H200', 50.44, 8),
    },
  },
  {
    id: 'b200-8gpu',
    label: '8-GPU B200 server',
    vendor: 'nvidia',
    gpusPerServer: 8,
    serverPriceUsd: 515_000,
    serverKw: 14.3,
    cloudUsdPerGpuHour: 8.6,
    sources: {
      price: {
        note: 'NVIDIA DGX B200 price reported as $515K',
        url: 'https://vengineer.hatenablog.com/entry/2025/03/16/080000',
        date: '2025-03-16',
      },
      power: {
        note: 'NVIDIA DGX B200 user guide: 14.3 kW max',
        url: 'https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html',
        date: READ,
      },
      cloud: coreweave('8× B200', 68.8, 8),
    },
  },
  {
    id: 'b300-8gpu',
    label: '8-GPU B300 server',
    vendor: 'nvidia',
    gpusPerServer: 8,
    serverPriceUsd: 539_000,
    serverKw: 14.5,
    cloudUsdPerGpuHour: 5,
    sources: {
      price: {
        note:
          'derived: 8 × ≈$53,000 per B300 module (Ornn) + the ≈$115,000 a DGX B200 costs beyond its ' +
          '8 × ≈$50,000 modules',
        url: ORNN,
        date: READ,
      },
      power: {
        note: "NVIDIA DGX B300: 14.5 kW (as reported from NVIDIA's documentation)",
        url: 'https://thedailyscout.com/s/mS-qfkbCluI',
        date: READ,
      },
      cloud: {
        note: 'low end of the $5.00–7.25 per GPU-hour neocloud on-demand range (Ornn GPU rental benchmark)',
        url: ORNN,
        date: READ,
      },
    },
  },
  {
    id: 'gb200-nvl72',
    label: 'GB200 NVL72 rack (72 GPUs, counted as one server)',
    vendor: 'nvidia',
    gpusPerServer: 72,
    serverPriceUsd: 3_000_000,
    serverKw: 120,
    cloudUsdPerGpuHour: 10.5,
    sources: {
      price: { note: 'low end of the $3.0–3.9 million per GB200 NVL72 rack (Ornn)', url: ORNN, date: READ },
      power: {
        note: 'about 120 kW per GB200 NVL72 rack (Servnet, "AI Servers: The 2026 Data Study")',
        url: SERVNET,
        date: '2026-07-05',
      },
      cloud: coreweave('a 4-GPU GB200 NVL72 slice', 42, 4),
    },
  },
  {
    id: 'mi300x-8gpu',
    label: '8-GPU MI300X server',
    vendor: 'amd',
    gpusPerServer: 8,
    serverPriceUsd: 220_000,
    serverKw: 8.5,
    cloudUsdPerGpuHour: 1.85,
    sources: {
      price: {
        note:
          'derived: 8 × $15,000 (top of the $10,000–15,000 street price per MI300X) + an assumed $100,000 ' +
          'for host, memory and network',
        url: 'https://awesomeagents.ai/hardware/amd-mi300x',
        date: READ,
      },
      power: {
        note: 'estimate: 8 × 750 W GPU board power + about 2.5 kW for the host',
        url: 'https://aiwiki.ai/wiki/amd_instinct_mi300x',
        date: READ,
      },
      cloud: {
        note: 'Vultr on-demand, $1.85 per GPU-hour (Cliff Center research note)',
        url: CLIFF,
        date: '2026-05-18',
      },
    },
  },
  {
    id: 'mi325x-8gpu',
    label: '8-GPU MI325X server',
    vendor: 'amd',
    gpusPerServer: 8,
    serverPriceUsd: 240_000,
    serverKw: 10.5,
    cloudUsdPerGpuHour: 1.95,
    sources: {
      price: {
        note: 'no public price found: set between the MI300X and MI355X examples — replace it with a quote',
        url: 'https://aiwiki.ai/wiki/amd_instinct_mi325x',
        date: READ,
      },
      power: {
        note: 'estimate: 8 × 1,000 W GPU board power + about 2.5 kW for the host',
        url: 'https://awesomeagents.ai/hardware/amd-mi325x',
        date: READ,
      },
      cloud: {
        note: 'TensorWave on-demand, $1.95 per GPU-hour (Cliff Center research note)',
        url: CLIFF,
        date: '2026-05-18',
      },
    },
  },
  {
    id: 'mi355x-8gpu',
    label: '8-GPU MI355X server',
    vendor: 'amd',
    gpusPerServer: 8,
    serverPriceUsd: 254_000,
    serverKw: 13.7,
    cloudUsdPerGpuHour: null,
    sources: {
      price: {
        note:
          "derived: 8 × ≈$19,300 (a B300 module's ≈$53,000 ÷ 2.75, the per-GPU price ratio reported by " +
          'AX Brief) + an assumed $100,000 for host, memory and network',
        url: 'https://axbrief.com/en/article/amd-mi355x-delivers-80-of-b200-performance-at-2-75x-lower-cost-31123',
        date: READ,
      },
      power: {
        note: 'estimate: 8 × 1,400 W GPU board power (liquid-cooled) + about 2.5 kW for the host',
        url: 'https://www.theregister.com/2025/06/12/amd_mi355x/',
        date: '2025-06-12',
      },
      cloud: {
        note: 'no public on-demand price per GPU-hour found: tick "Compare with cloud rental" and enter one',
        url: CLIFF,
        date: READ,
      },
    },
  },
  {
    id: 'l40s-8gpu',
    label: '8-GPU L40S server (PCIe)',
    vendor: 'nvidia',
    gpusPerServer: 8,
    serverPriceUsd: 112_000,
    serverKw: 5,
    cloudUsdPerGpuHour: 2.25,
    sources: {
      price: {
        note: 'derived: 8 × $9,000 list price per L40S + an assumed $40,000 for a PCIe host',
        url: 'https://rentgpu.org/zh/gpus/l40s/ai-models',
        date: READ,
      },
      power: {
        note: '8-GPU L40S servers typically draw 4.3–5 kW (ServeTheHome): the top of that range',
        url: 'https://servethehome.com/nvidia-l40s-is-the-nvidia-h100-ai-alternative-with-a-big-benefit-supermicro/2',
        date: READ,
      },
      cloud: coreweave('8× L40S', 18, 8),
    },
  },
];

/** PUE and electricity price the presets' power cost uses (the app's defaults when power is ticked). */
export const PRESET_POWER = { pue: 1.3, usdPerKwh: 0.1 } as const;

/**
 * The power figures a server type gets when "Include power" is ticked: an 8-GPU H100 server's maximum draw,
 * 10.2 kW (the H100 preset's figure), at PRESET_POWER.
 */
export const DEFAULT_POWER: PowerCost = { serverKw: 10.2, ...PRESET_POWER };

/** The rental price a server type gets when "Compare with cloud rental" is ticked, per GPU-hour (an example). */
export const DEFAULT_CLOUD_USD_PER_GPU_HOUR = 2.5;

/** A server type built from a preset, with an id not yet taken. */
export function profileFromPreset(preset: HardwarePreset, takenIds: ReadonlySet<string>): HardwareProfile {
  return {
    id: uniqueId(preset.id, takenIds),
    name: `${preset.label} (example prices)`,
    serverPriceUsd: preset.serverPriceUsd,
    gpusPerServer: preset.gpusPerServer,
    depreciationYears: 4,
    licence: { usdPerYear: preset.vendor === 'nvidia' ? 4_500 : 0, basis: 'perGpu' },
    hostingUsdPerServerYear: 3_000 * (preset.gpusPerServer / 8),
    power: { serverKw: preset.serverKw, ...PRESET_POWER },
    cloudUsdPerGpuHour: preset.cloudUsdPerGpuHour,
  };
}

/** A server type with nothing filled in but a plausible shape (8 GPUs, 4 years), for the user's own figures. */
export function blankProfile(takenIds: ReadonlySet<string>): HardwareProfile {
  return {
    id: uniqueId('server', takenIds),
    name: 'New server type',
    serverPriceUsd: 0,
    gpusPerServer: 8,
    depreciationYears: 4,
    licence: { usdPerYear: 0, basis: 'perGpu' },
    hostingUsdPerServerYear: 0,
    power: null,
    cloudUsdPerGpuHour: null,
  };
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export interface ApiPreset {
  id: string;
  label: string;
  prices: ApiReference;
  source: PresetSource;
}

/** Hosted-API list prices per 1M tokens, as examples for the input/output split and the API comparison. */
export const API_PRESETS: readonly ApiPreset[] = [
  {
    id: 'nvidia-example',
    label: "NVIDIA's worked example",
    prices: { usdPer1MInputTokens: 1, usdPer1MOutputTokens: 3 },
    source: { note: 'reference prices of the TCO walkthrough (hypothetical)', url: NVIDIA_TCO_POST, date: '2025' },
  },
  {
    id: 'gpt-4o-mini',
    label: 'OpenAI GPT-4o mini',
    prices: { usdPer1MInputTokens: 0.15, usdPer1MOutputTokens: 0.6 },
    source: {
      note: 'standard tier, as listed from platform.openai.com/docs/pricing',
      url: 'https://aimodelcalc.pages.dev/guides/openai-api-pricing.html',
      date: '2026-05',
    },
  },
  {
    id: 'gpt-4o',
    label: 'OpenAI GPT-4o',
    prices: { usdPer1MInputTokens: 2.5, usdPer1MOutputTokens: 10 },
    source: {
      note: 'standard tier, as listed from platform.openai.com/docs/pricing',
      url: 'https://aimodelcalc.pages.dev/guides/openai-api-pricing.html',
      date: '2026-05',
    },
  },
  {
    id: 'llama-3.1-8b',
    label: 'Llama 3.1 8B on distribute.ai',
    prices: { usdPer1MInputTokens: 0.1, usdPer1MOutputTokens: 0.16 },
    source: {
      note: 'enterprise inference API price list',
      url: 'https://docs.distribute.ai/distribute-for-enterprise/enterprise-inference-api/billing/text-to-text',
      date: READ,
    },
  },
  {
    id: 'llama-3.3-70b',
    label: 'Llama 3.3 70B on distribute.ai',
    prices: { usdPer1MInputTokens: 0.7, usdPer1MOutputTokens: 0.8 },
    source: {
      note: 'enterprise inference API price list',
      url: 'https://docs.distribute.ai/distribute-for-enterprise/enterprise-inference-api/billing/text-to-text',
      date: READ,
    },
  },
];

/** The API preset whose prices are exactly these, if any (the form names it). */
export function matchingApiPreset(prices: ApiReference): ApiPreset | undefined {
  const { usdPer1MInputTokens: input, usdPer1MOutputTokens: output } = prices;
  return API_PRESETS.find((p) => p.prices.usdPer1MInputTokens === input && p.prices.usdPer1MOutputTokens === output);
}
