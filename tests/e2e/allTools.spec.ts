/**
 * Every tool's real files in one folder: the page reads them all onto one chart, one series per configuration,
 * and lists what it skipped compactly (issue: read the files people benchmark with today).
 */
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const REAL = join(import.meta.dirname, '../fixtures/real');

test('AIPerf, GenAI-Perf, vLLM, SGLang, LLMPerf, GuideLLM, inference-perf runs load as one chart', async ({ app }) => {
  await app.open();
  await app.chooseFolder(REAL);
  const names = app.seriesNames();
  await expect(names).toHaveCount(15);
  const values = await names.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  for (const expected of [
    'kimi-k2.5-mi355x-vllm-sweep / kimik2.5-tp4-vllm',
    'nim-llama3-8b-sweep-c1-250 / meta_llama3-8b-instruct-openai-chat',
    'inference-perf / kubecon-na-2025-vllm-llama3-8b',
    'sglang / sglang-0.5.5-qwen2.5-3b.pd_1p1d_n100_in512_out128',
    'llmperf / llmperf-leaderboard-fireworks_70b.llama-v2-70b-chat_550_150',
  ]) {
    expect(values).toContain(expected);
  }
  // Nothing refused; the provenance notes and companion files are skipped, in one compact line.
  await expect(app.loadErrors()).toHaveCount(0);
  await expect(app.page.getByText(/^\d+ files skipped on purpose/)).toBeVisible();
  // One curve per series on the one chart.
  await expect(app.chart.locator('path.series-marker').first()).toBeVisible();
  await expect(app.chart.locator('path.series-line')).toHaveCount(15);
  await expect(app.page.locator('body')).not.toContainText('NaN');
});
