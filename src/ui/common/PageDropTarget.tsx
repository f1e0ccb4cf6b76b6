/**
 * The whole page accepts dropped files and folders (relative paths kept, as on the drop zone): a sweep dropped
 * beside the zone, on the chart or on the results loads like one dropped on the zone. Drops on the zone itself
 * are left to it, so nothing loads twice.
 */
import type { ReactNode } from 'react';
import { useDropzone } from 'react-dropzone';
import { loadFiles } from '../../store/loading.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { filePath } from '../upload/DropZone.tsx';

/** The drop zone's own root: drops there are its own. */
const ZONE_SELECTOR = '[data-testid="dropzone"]';

export function PageDropTarget({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const { getRootProps, isDragActive } = useDropzone({
    noClick: true,
    noKeyboard: true,
    noPaste: true,
    multiple: true,
    onDrop: (files, _rejected, event) => {
      const target = event?.target;
      if (target instanceof Element && target.closest(ZONE_SELECTOR)) return;
      void loadFiles(
        store,
        files.map((file) => ({ file, path: filePath(file) })),
      );
    },
  });
  return (
    <div {...getRootProps({ className: `app${isDragActive ? ' app--dragging' : ''}` })}>
      {isDragActive ? (
        <div className="page-drop" aria-hidden="true">
          Drop benchmark files or folders to load them
        </div>
      ) : null}
      {children}
    </div>
  );
}
