/**
 * Drop files or whole folders anywhere on the zone, or pick them with a button. Folder drops keep
 * relative paths, since the load level often lives in a run folder's name.
 */
import type { ChangeEvent } from 'react';
import { useRef } from 'react';
import { useDropzone } from 'react-dropzone';
import { loadFiles } from '../../store/loading.ts';
import { CancelLoading } from './CancelLoading.tsx';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import type { FileToParse } from '../../workers/protocol.ts';

/** The path a dropped or picked file had inside what the user chose ("sweep/run-c16/x.json"). */
export function filePath(file: File): string {
  const withPath = file as File & { path?: string; relativePath?: string };
  const path = withPath.webkitRelativePath || withPath.relativePath || withPath.path || file.name;
  return path.replace(/^\.?\/+/, '');
}

export function DropZone() {
  const store = useAppStoreApi();
  const loading = useAppStore((s) => s.loading);
  const folderInput = useRef<HTMLInputElement>(null);
  const take = (files: readonly File[]) => {
    const batch: FileToParse[] = files.map((file) => ({ file, path: filePath(file) }));
    void loadFiles(store, batch);
  };
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: take,
    noClick: true,
    noKeyboard: true,
    multiple: true,
  });
  const onFolder = (event: ChangeEvent<HTMLInputElement>) => {
    take(Array.from(event.target.files ?? []));
    event.target.value = '';
  };

  return (
    <div
      {...getRootProps({ className: `dropzone${isDragActive ? ' dropzone--active' : ''}`, 'data-testid': 'dropzone' })}
    >
      <input {...getInputProps({ 'aria-label': 'Benchmark files' })} />
      <p className="dropzone__title">{isDragActive ? 'Drop to load' : 'Drop benchmark result files or folders here'}</p>
      <p className="dropzone__hint">
        GenAI-Perf, AIPerf, vLLM, SGLang, LLMPerf, GuideLLM, inference-perf, or any CSV/JSON you map — parsed in your
        browser, never uploaded.
      </p>
      <div className="dropzone__buttons">
        <button type="button" onClick={open}>
          Choose files…
        </button>
        <button type="button" onClick={() => folderInput.current?.click()}>
          Choose folder…
        </button>
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          aria-label="Benchmark folder"
          onChange={onFolder}
          {...{ webkitdirectory: '', directory: '' }}
        />
      </div>
      {loading ? (
        <div className="progress" role="status">
          <progress max={loading.bytesTotal || 1} value={loading.bytesDone} aria-label="Reading files" />
          <span>
            Reading {loading.filesDone} / {loading.filesTotal} files ({(loading.bytesDone / 2 ** 20).toFixed(1)} of{' '}
            {(loading.bytesTotal / 2 ** 20).toFixed(1)} MB)
          </span>
          <CancelLoading />
        </div>
      ) : null}
    </div>
  );
}
