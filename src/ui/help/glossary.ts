/** Metric definitions shown one hover or click away (docs/method.md §Metrics and units). */
export const GLOSSARY = {
  ttft: {
    term: 'TTFT — time to first token',
    text:
      'From sending the request to receiving the first non-empty token. Includes ' +
      'queueing, prefill and network time; grows with input length and load.',
  },
  itl: {
    term: 'ITL — inter-token latency',
    text:
      'As each tool reports it. GenAI-Perf and AIPerf: (end-to-end latency − TTFT) ÷ ' +
      '(output tokens − 1) per request, the same as TPOT. vLLM and SGLang: the gaps between ' +
      'streamed chunks, pooled over all requests (their TPOT is the per-request figure). ' +
      "LLMPerf's includes TTFT and is not mapped here. Each point's notes say which.",
  },
  tpot: {
    term: 'TPOT — time per output token',
    text:
      '(End-to-end latency − TTFT) ÷ (output tokens − 1) per request: the ' +
      'decode speed one user sees, first token excluded. vLLM and SGLang report ' +
      'it beside their chunk-gap ITL; for GenAI-Perf and AIPerf it is their ITL.',
  },
  e2e: {
    term: 'E2E — end-to-end request latency',
    text: 'From sending the request to receiving the last token: TTFT plus the decode time.',
  },
  tpsPerUser: {
    term: 'Tokens/s per user',
    text:
      'Output tokens ÷ end-to-end latency of one request (≈ 1000 ÷ ITL in ms for long ' +
      'outputs): how fast a single user sees text appear. A lower limit in the SLA. Older ' +
      'GenAI-Perf reports exactly this; newer GenAI-Perf and AIPerf report 1 ÷ ITL, which ' +
      'leaves TTFT out and reads higher. The tooltip of each point says which one it has.',
  },
  perGpu: {
    term: 'Per instance vs per GPU; output vs total tokens',
    text:
      'Throughput is measured per serving instance. Per GPU divides it by the GPUs one instance uses (TP × PP), ' +
      'so TP1 and TP2 compare fairly. Tokens/s counts output tokens only; requests/s counts completed requests.',
  },
  capacity: {
    term: 'Capacity cost vs demand cost',
    text:
      "Capacity cost (NVIDIA's method) divides the fleet's yearly cost by what the " +
      'instances can serve at full load. Demand cost divides it by the traffic you ' +
      'expect on average, so idle capacity and rounding show in the price.',
  },
  estimate: {
    term: 'Estimates between measured load levels',
    text:
      "Off by default: NVIDIA's method reads the operating point off measured points. On, the " +
      'point where the binding SLA is just met is interpolated between the last load level that ' +
      'meets it and the next one that does not; such operating points are marked “estimate”.',
  },
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;
