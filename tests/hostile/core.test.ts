/**
 * The hostile corpus through the core, as the page runs it (the worker's read-and-parse, the merge, the scenario
 * reader, the share-link decoder): each case ends in a named error or a correct parse, adversarial cases finish
 * fast, and whatever is accepted is saved and reopened with nothing lost.
 */
import { describe, expect, it } from 'vitest';
import { scenarioToJson, parseScenarioText } from '../../src/core/scenario/scenarioCodec.ts';
import { fileProblems, ingestCase, openLink, openScenarioBytes, saveAndReopen } from './check.ts';
import { corpus } from './corpus.ts';

/**
 * Far above a linear pass over the largest case (60 MiB: ~2 s in Node on a busy 2-core machine), far below what
 * backtracking or a bomb takes (minutes).
 */
const ADVERSARIAL_MS = 10_000;

const { files, scenarios, links } = corpus();

describe('hostile files', () => {
  it.each(files.map((c) => [c.id, c] as const))('%s: a named error or a correct parse', async (_id, c) => {
    const outcome = await ingestCase(c);
    expect(fileProblems(c, outcome), c.title).toEqual([]);
    for (const error of outcome.errors) expect(error.reason.length, error.file).toBeGreaterThan(10);
    if (c.adversarial) expect(outcome.ms, `${c.title} took ${outcome.ms.toFixed(0)} ms`).toBeLessThan(ADVERSARIAL_MS);
    if (outcome.points.length > 0) {
      const reopened = saveAndReopen(outcome.points);
      expect(reopened.ok ? '' : reopened.message, 'saved and reopened').toBe('');
      if (reopened.ok) expect(reopened.scenario.points).toHaveLength(outcome.points.length);
    }
  }, 60_000);
});

describe('hostile scenario files', () => {
  it.each(scenarios.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await openScenarioBytes(c.bytes);
    if (c.expect.ok) {
      expect(result.ok ? '' : result.message).toBe('');
      if (!result.ok) return;
      if (c.expect.points !== undefined) expect(result.scenario.points).toHaveLength(c.expect.points);
      // What was accepted is savable, and the saved file reopens to the same scenario.
      const saved = scenarioToJson(result.scenario);
      const again = parseScenarioText(saved);
      expect(again.ok ? '' : again.message).toBe('');
      if (again.ok) expect(scenarioToJson(again.scenario)).toBe(saved);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(c.expect.message);
    }
    if (c.adversarial) expect(result.ms).toBeLessThan(ADVERSARIAL_MS);
  }, 60_000);

  it('names with control characters come back cleaned, so an export can draw them', async () => {
    const c = scenarios.find((s) => s.id === 'control-char-names')!;
    const result = await openScenarioBytes(c.bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.scenario.hardware[0]?.name).toBe('H100\uFFFD[2J\uFFFD');
    expect(result.scenario.points[0]?.seriesName).toBe('run\uFFFD\uFFFD]0;x');
  });
});

describe('hostile share links', () => {
  it.each(links.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { result, ms } = openLink(c.fragment);
    expect(result).not.toBeNull();
    if (c.expect.ok) {
      expect(result?.ok ? '' : result?.message).toBe('');
      if (result?.ok && c.expect.points !== undefined) expect(result.scenario.points).toHaveLength(c.expect.points);
    } else {
      expect(result?.ok).toBe(false);
      if (result && !result.ok) expect(result.message).toMatch(c.expect.message);
    }
    if (c.adversarial) expect(ms).toBeLessThan(ADVERSARIAL_MS);
  });
});

it('nothing in the corpus reached Object.prototype', () => {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(({} as Record<string, unknown>)['concurrency']).toBeUndefined();
});
