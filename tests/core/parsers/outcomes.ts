/** What a parser test reads off `parseFile`'s outcome, failing the test when it is the other kind. */
import type { ParseOutcome, ParsedRun } from '../../../src/core/parsers/types.ts';

/** The runs of a file that was read; any other outcome fails with its kind and reason. */
export function runsOf(outcome: ParseOutcome): ParsedRun[] {
  if (outcome.kind !== 'runs') throw new Error(`${outcome.kind}: ${outcome.reason}`);
  return outcome.runs;
}

/** The reason a file was refused or skipped; runs fail the test. */
export function reasonOf(outcome: ParseOutcome): string {
  if (outcome.kind === 'runs') throw new Error('expected a refusal');
  return outcome.reason;
}
