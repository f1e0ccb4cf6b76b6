/**
 * Setup file of the mutation runs only (vitest.mutation.config.ts): one fixed fast-check seed, so a mutant that a
 * property test kills is killed in every run, and an incremental run replays the same verdicts.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20_251_130 });
