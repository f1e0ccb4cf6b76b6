/** Notes, pictures and configs in a result folder are skipped with a reason, never reported as errors. */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/core/parsers/registry.ts';

describe('files that are never benchmark results', () => {
  it.each([
    ['run/README.md', 'md'],
    ['run/plot.PNG', 'png'],
    ['run/bench.sh', 'sh'],
    ['run/sweep.yaml', 'yaml'],
  ])('%s is skipped', (path, extension) => {
    expect(parseFile({ path, text: 'anything' })).toEqual({
      kind: 'skipped',
      reason: `not a benchmark result (a .${extension} file)`,
    });
  });

  it('still lets a tool claim its own YAML (inference-perf config.yaml)', () => {
    const outcome = parseFile({
      path: 'reports/config.yaml',
      text: 'load:\n  type: constant\nreport:\n  request_lifecycle:\n    summary: true\n',
    });
    expect(outcome.kind).toBe('skipped');
    expect(outcome.kind === 'skipped' && outcome.reason).toMatch(/inference-perf/);
  });
});
