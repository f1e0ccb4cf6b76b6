/**
 * What a draft mapping would make of a file, for the mapping dialog's live preview: the points (merged and
 * grouped as the page will), how many rows lack a load level, or the first problem in words.
 */
import type { LoadPoint } from '../../model/benchmark.ts';
import { buildLoadPoints } from '../buildPoints.ts';
import type { SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import type { ColumnMapping } from './mapping.ts';
import { checkMapping, pathMatches } from './mapping.ts';
import { parseWithMapping } from './readMapped.ts';

export type MappingPreview =
  | {
      ok: true;
      mapping: ColumnMapping;
      points: LoadPoint[];
      /** How many series the points form, and how many runs lack a load level. */
      series: number;
      withoutLoad: number;
      /** False when `appliesTo` does not select this file: saved, it would not read it. */
      appliesToFile: boolean;
    }
  | { ok: false; field: string; message: string };

export function previewMapping(file: SniffedFile, draft: unknown): MappingPreview {
  const checked = checkMapping(draft);
  if (!checked.ok) return checked;
  const { mapping } = checked;
  try {
    const outcome = parseWithMapping(file, mapping);
    const runs = outcome.kind === 'runs' ? outcome.runs : [];
    const built = buildLoadPoints(runs);
    return {
      ok: true,
      mapping,
      points: built.points,
      series: new Set(built.points.map((p) => p.seriesKey)).size,
      withoutLoad: built.unresolved.length,
      appliesToFile: pathMatches(mapping.appliesTo, file.path),
    };
  } catch (error) {
    // As in parseFile, a bug must not take the page down: it is shown like any other problem.
    const detail = error instanceof Error ? error.message : String(error);
    const message = error instanceof ParseFailure ? detail : `could not be read (${detail})`;
    return { ok: false, field: 'file', message };
  }
}
