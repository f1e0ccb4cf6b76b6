/**
 * Column mappings on the page: the refused files a mapping could read keep their text (read again from the
 * dropped File, on the main thread, only for those), so that saving a mapping re-reads them.
 */
import type { FileError } from '../core/model/benchmark.ts';
import { offersMapping } from '../core/parsers/mapped/propose.ts';
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
