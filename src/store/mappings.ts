/**
 * Column mappings on the page. The refused files a mapping could read keep their text (read again from the dropped
 * File, on the main thread, only for those), so that saving a mapping re-reads them, through the parse worker like
 * any file: the parsers stay out of the page's own JavaScript.
 */
import type { FileError } from '../core/model/benchmark.ts';
import type { ColumnMapping } from '../core/parsers/mapped/mapping.ts';
import { offersMapping, pathMatches, withMapping } from '../core/parsers/mapped/mapping.ts';
import { parseInBackground } from '../workers/parseClient.ts';
import type { FileToParse } from '../workers/protocol.ts';
import type { AppStoreApi } from './appStore.ts';
import { MAX_REFUSED_FILE_CHARS } from './appStore.ts';

/** Keeps the text of the files of this batch that were refused for an unknown layout (each up to 5 MB). */
export async function keepMappableFiles(
  store: AppStoreApi,
  files: readonly FileToParse[],
  errors: readonly FileError[],
): Promise<void> {
  const mappable = new Set(errors.filter((e) => offersMapping(e.reason)).map((e) => e.file));
  const kept = [];
  for (const { file, path } of files) {
    if (!mappable.has(path) || file.size > MAX_REFUSED_FILE_CHARS) continue;
    try {
      kept.push({ path, text: await file.text() });
    } catch {
      // Unreadable now (moved, permissions): it simply cannot be re-read; its error stays listed.
    }
  }
  if (kept.length > 0) store.getState().keepRefused(kept);
}

/**
 * Saves a mapping in the scenario and reads the refused files it applies to with it (one undoable step).
 * Resolves to how many of those files it read and how many it could not.
 */
export async function saveMapping(
  store: AppStoreApi,
  mapping: ColumnMapping,
): Promise<{ read: number; refused: number }> {
  const state = store.getState();
  const again = state.refused.filter((file) => pathMatches(mapping.appliesTo, file.path));
  const batch = again.map(({ path, text }) => ({ path, file: new Blob([text]) }));
  const mappings = withMapping(state.settings.mappings, mapping);
  const result = batch.length > 0 ? await parseInBackground(batch, () => undefined, { mappings }) : undefined;
  return store.getState().saveMapping(mapping, result && { files: again.map((f) => f.path), ...result });
}
