import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NIM_DIR, expectedNimRow } from './coreExpectations.ts';
import { expect, test } from './fixtures.ts';

const SYNTHETIC = join(import.meta.dirname, '../fixtures/synthetic/genai-perf');

test('choosing the real fixture folder replaces the demo with its series; a second folder adds one', async ({
  app,
}) => {
  await app.open();
  await app.chooseFolder(NIM_DIR);
  await expect(app.seriesNames()).toHaveCount(1);
  await expect(app.seriesNames().first()).toHaveValue(
    'nim-llama3-8b-sweep-c1-250 / meta_llama3-8b-instruct-openai-chat',
  );
  await expect(app.page.getByText(/skipped on purpose/)).toHaveCount(0); // the raw per-request export joins its run
  const expected = expectedNimRow([{ metric: 'ttft', stat: 'avg', bound: 250 }])!;
  expect(await app.cell(/meta_llama3/, 'costPer1MTokensUsd')).toBe(expected.costPer1MTokensUsd);

  await app.chooseFolder(join(SYNTHETIC, 'llama3-8b-h100-tp2'));
  await expect(app.seriesNames()).toHaveCount(2);
  await expect(app.resultRows()).toHaveCount(2);
});

test('dropping files onto the drop zone adds their series', async ({ app }) => {
  await app.open();
  const files = [1, 2, 5, 10, 50].map((c) =>
    join(NIM_DIR, `meta_llama3-8b-instruct-openai-chat-concurrency${c}.profile_export_genai_perf.csv`),
  );
  await app.dropZone.drop({ files });
  await expect(app.seriesNames()).toHaveCount(1);
  await expect(app.resultRows()).toHaveCount(1);
  expect(await app.cell(/meta_llama3/, 'operatingPoint')).toMatch(/^c=10/);
});

test('a bad file shows its name and reason while everything loaded stays', async ({ app, page }) => {
  await app.open();
  const good = readFileSync(
    join(NIM_DIR, 'meta_llama3-8b-instruct-openai-chat-concurrency10.profile_export_genai_perf.json'),
  );
  await app.dropZone.drop({
    files: [
      { name: 'broken_genai_perf.json', mimeType: 'application/json', buffer: good.subarray(0, 300) },
      {
        name: 'vllm-result.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            date: '20250101-000000',
            backend: 'vllm',
            model_id: 'm',
            completed: 0,
            request_throughput: 0,
          }),
        ),
      },
      { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    ],
  });
  await expect(app.loadErrors()).toHaveCount(3);
  await expect(app.loadErrors().filter({ hasText: 'broken_genai_perf.json' })).toContainText('invalid JSON');
  await expect(app.loadErrors().filter({ hasText: 'vllm-result.json' })).toContainText('vLLM bench serve result JSON');
  await expect(app.loadErrors().filter({ hasText: 'empty.csv' })).toContainText('the file is empty');
  // The demo is still there: nothing usable arrived, nothing was replaced.
  await expect(app.resultRows()).toHaveCount(3);
  await expect(page.locator('body')).not.toContainText('NaN');
});

test('a file over the size limit is refused with the limit stated, off the main thread', async ({ app }, testInfo) => {
  await app.open();
  const { mkdirSync, openSync, closeSync, ftruncateSync } = await import('node:fs');
  const dir = testInfo.outputPath('huge');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'huge-concurrency8_genai_perf.json');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 65 * 1024 * 1024); // a sparse 65 MiB file: over the 64 MiB limit
  closeSync(fd);
  await app.page.getByLabel('Benchmark files').setInputFiles(path);
  await expect(app.loadErrors().filter({ hasText: 'huge-concurrency8_genai_perf.json' })).toContainText(
    'the file is 65 MiB; the limit is 64 MiB',
  );
  await expect(app.resultRows()).toHaveCount(3);
});
