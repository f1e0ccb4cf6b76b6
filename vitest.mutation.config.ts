/**
 * The tests Stryker runs against each mutant of src/core: the core's unit and property tests only (UI, store and
 * browser tests add minutes per mutant and little for the core's arithmetic).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts'],
    exclude: ['tests/core/cli/**', 'tests/core/parsers/**'],
    environment: 'node',
  },
});
