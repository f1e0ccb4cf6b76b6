/**
 * The tests Stryker runs against each mutant of src/core: the core's unit and property tests only (UI, store and
 * browser tests add minutes per mutant and little for the core's arithmetic; CLI and parser tests read files).
 *
 * Stryker stops at a mutant's first failing test, so the quick example-based tests run first and the property
 * tests (seconds each) last: most mutants are then killed without running a property. Vitest's own order is the
 * opposite (the longest file first). fast-check runs with one fixed seed here, so verdicts repeat run to run.
 */
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const SLOW = /\.property\.test\.ts$|scenarioCodec\.test\.ts$/;

class ExamplesFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => (SLOW.test(file.moduleId) ? 1 : 0);
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}

export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts'],
    exclude: ['tests/core/cli/**', 'tests/core/parsers/**'],
    environment: 'node',
    setupFiles: ['tests/mutation/fastCheckSeed.ts'],
    sequence: { sequencer: ExamplesFirst },
  },
});
