/**
 * The column-mapping dialog: for a CSV or JSON file no built-in parser reads, each column (CSV header, or the
 * dotted path of a value inside a JSON record) with a sample value, a metric, a statistic and a unit to choose;
 * the mapping's name and the files it applies to; and a live preview of the points it would produce. It starts
 * from a guess made from the column names (or from the mapping that already applies to the file).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { describeLoad } from '../../core/analysis/metrics.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { Stat } from '../../core/model/benchmark.ts';
import { STATS, isStat } from '../../core/model/benchmark.ts';
import type { ColumnMapping, MappedField, MappingUnit } from '../../core/parsers/mapped/mapping.ts';
import {
  MAPPED_DISTRIBUTIONS,
  UNIT_LABELS,
  defaultUnit,
  isMappingTarget,
  unitsFor,
} from '../../core/parsers/mapped/mapping.ts';
import type { MappingPreview } from '../../core/parsers/mapped/preview.ts';
import { previewMapping } from '../../core/parsers/mapped/preview.ts';
import { proposeMapping } from '../../core/parsers/mapped/propose.ts';
import type { MappableColumn } from '../../core/parsers/mapped/readMapped.ts';
import { mappableColumns } from '../../core/parsers/mapped/readMapped.ts';
import { sniff } from '../../core/parsers/registry.ts';
import type { InputFile, SniffedFile } from '../../core/parsers/types.ts';

/** What a column can be mapped to; the latency and per-request metrics then take a statistic. */
const METRIC_GROUPS: ReadonlyArray<{ group: string; metrics: ReadonlyArray<[string, string]> }> = [
  {
    group: 'Load level',
    metrics: [
      ['load.concurrency', 'concurrency'],
      ['load.requestRate', 'request rate'],
    ],
  },
  {
    group: 'Configuration',
    metrics: [
      ['series', 'series (configuration name)'],
      ['model', 'model'],
    ],
  },
  {
    group: 'Throughput',
    metrics: [
      ['requestsPerSecond', 'requests/s'],
      ['outputTokensPerSecond', 'output tokens/s'],
      ['inputTokensPerSecond', 'input tokens/s'],
    ],
  },
  {
    group: 'Latency',
    metrics: [
      ['ttftMs', 'TTFT (time to first token)'],
      ['itlMs', 'ITL (inter-token latency)'],
      ['tpotMs', 'TPOT (time per output token)'],
      ['e2eMs', 'E2E (request latency)'],
    ],
  },
  {
    group: 'Per request',
    metrics: [
      ['outputTokensPerSecondPerUser', 'output tokens/s per user'],
      ['inputTokens', 'input length'],
      ['outputTokens', 'output length'],
    ],
  },
  {
    group: 'Counts',
    metrics: [
      ['requestCount', 'request count'],
      ['errorCount', 'error count'],
      ['durationS', 'duration'],
    ],
  },
];

/** Rows shown at once; a filter finds the others (a JSON record may hold hundreds of values). */
const MAX_ROWS = 150;

interface Choice {
  /** A target without its statistic (`ttftMs`), or a whole target (`requestsPerSecond`); '' = not used. */
  metric: string;
  stat: Stat;
  unit: MappingUnit | undefined;
}

const UNUSED: Choice = { metric: '', stat: 'avg', unit: undefined };

function isDistribution(metric: string): boolean {
  return (MAPPED_DISTRIBUTIONS as readonly string[]).includes(metric);
}

function targetOf(choice: Choice): string {
  return isDistribution(choice.metric) ? `${choice.metric}.${choice.stat}` : choice.metric;
}

function choiceOf(field: MappedField): Choice {
  const { target } = field;
  const dot = target.indexOf('.');
  const metric = dot > 0 && !target.startsWith('load.') ? target.slice(0, dot) : target;
  const stat = target.slice(metric.length + 1);
  return { metric, stat: isStat(stat) ? stat : 'avg', unit: field.unit };
}

/** The first `mapping-N` id not taken. */
export function newMappingId(taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`mapping-${n}`)) n++;
  return `mapping-${n}`;
}

export interface MappingDialogProps {
  file: InputFile;
  /** The mapping to edit (one that applies to this file already); else the dialog starts from a guess. */
  initial?: ColumnMapping | undefined;
  /** Ids of the saved mappings, so a new one gets an id of its own. */
  takenIds: readonly string[];
  onSave: (mapping: ColumnMapping) => void;
  onClose: () => void;
}

export function MappingDialog({ file, initial, takenIds, onSave, onClose }: MappingDialogProps) {
  const titleId = useId();
  const sniffed = useMemo(() => sniff(file), [file]);
  const [start] = useState(() => initial ?? proposeMapping(sniffed, newMappingId(takenIds)));
  return (
    <ModalDialog titleId={titleId} onClose={onClose}>
      <h2 id={titleId}>Map the columns of {file.path}</h2>
      {start ? (
        <MappingForm sniffed={sniffed} start={start} onSave={onSave} onCancel={onClose} />
      ) : (
        <>
          <p>This file is neither CSV nor JSON, so its columns cannot be mapped.</p>
          <div className="row">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

/** A modal <dialog>: focus moves into it (to the element marked data-autofocus) and stays there; Escape closes it. */
function ModalDialog({ titleId, onClose, children }: { titleId: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="mapping-dialog"
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

interface MappingFormProps {
  sniffed: SniffedFile;
  start: ColumnMapping;
  onSave: (m: ColumnMapping) => void;
  onCancel: () => void;
}

function MappingForm({ sniffed, start, onSave, onCancel }: MappingFormProps) {
  const id = useId();
  const [name, setName] = useState(start.name);
  const [appliesTo, setAppliesTo] = useState(start.appliesTo);
  const [recordsPath, setRecordsPath] = useState(start.recordsPath ?? '');
  const [choices, setChoices] = useState<Readonly<Record<string, Choice>>>(() =>
    Object.fromEntries(start.fields.map((f) => [f.source, choiceOf(f)])),
  );
  const [filter, setFilter] = useState('');
  const json = start.format === 'json';

  const columns = useMemo((): { list: MappableColumn[]; error?: string } => {
    try {
      return { list: mappableColumns(sniffed, start.format, recordsPath) };
    } catch (error) {
      return { list: [], error: error instanceof Error ? error.message : String(error) };
    }
  }, [sniffed, start.format, recordsPath]);
  // Mapped sources the file does not have stay listed, so they can be unmapped.
  const rows = useMemo(() => {
    const listed = new Set(columns.list.map((c) => c.source));
    const absent = Object.keys(choices).filter((source) => !listed.has(source) && choices[source]?.metric !== '');
    const missing = absent.map((source) => ({ source, sample: '', absent: true }));
    return [...columns.list.map((c) => ({ ...c, absent: false })), ...missing];
  }, [columns, choices]);

  const draft = useMemo((): ColumnMapping => {
    const fields = rows.flatMap(({ source }): MappedField[] => {
      const choice = choices[source];
      if (!choice || choice.metric === '') return [];
      const target = targetOf(choice);
      if (!isMappingTarget(target)) return [];
      const unit = choice.unit !== undefined && unitsFor(target).length > 0 ? { unit: choice.unit } : {};
      return [{ source, target, ...unit }];
    });
    const { recordsPath: _path, ...rest } = start;
    return { ...rest, name, appliesTo, ...(json ? { recordsPath } : {}), fields };
  }, [start, name, appliesTo, json, recordsPath, rows, choices]);
  const preview = useMemo(() => previewMapping(sniffed, draft), [sniffed, draft]);
  const canSave = preview.ok && preview.appliesToFile && preview.points.length > 0;

  const choose = (source: string, patch: Partial<Choice>) => {
    setChoices((current) => {
      const next = { ...(current[source] ?? UNUSED), ...patch };
      const target = targetOf(next);
      const fits = next.unit !== undefined && isMappingTarget(target) && unitsFor(target).includes(next.unit);
      if (isMappingTarget(target) && !fits) next.unit = defaultUnit(target);
      return { ...current, [source]: next };
    });
  };

  const needle = filter.trim().toLowerCase();
  const shown = rows.filter((r) => needle === '' || r.source.toLowerCase().includes(needle));

  return (
    <form
      className="mapping-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSave) onSave(preview.mapping);
      }}
    >
      <p className="panel__hint">
        Each {json ? 'record' : 'row'} is one load level. Map at least a throughput and, unless the folder names hold
        it, the load level. The guesses come from the column names: check them, and the units.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Mapping name</label>
          <input id={`${id}-name`} data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-applies`}>Applies to files matching</label>
          <input
            id={`${id}-applies`}
            value={appliesTo}
            onChange={(e) => setAppliesTo(e.target.value)}
            aria-describedby={`${id}-applies-hint`}
          />
          <span id={`${id}-applies-hint`} className="field__hint">
            Text the path contains, or a pattern: * any characters, ? one (results_*.csv).
          </span>
        </div>
        {json ? (
          <div className="field">
            <label htmlFor={`${id}-records`}>Records at (JSON path)</label>
            <input
              id={`${id}-records`}
              value={recordsPath}
              onChange={(e) => setRecordsPath(e.target.value)}
              aria-describedby={`${id}-records-hint`}
            />
            <span id={`${id}-records-hint`} className="field__hint">
              Dotted path to the list of records; empty: the whole document is one record (or a list of them).
            </span>
          </div>
        ) : null}
      </div>
      {columns.error ? <p className="field__error">{columns.error}</p> : null}
      {rows.length > 20 ? (
        <div className="field mapping-form__filter">
          <label htmlFor={`${id}-filter`}>Filter columns</label>
          <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      ) : null}
      <div className="table-scroll mapping-form__columns">
        <table className="mapping-table">
          <caption className="visually-hidden">Columns of the file and what each is</caption>
          <thead>
            <tr>
              <th scope="col">{json ? 'Path' : 'Column'}</th>
              <th scope="col">Sample</th>
              <th scope="col">Is</th>
              <th scope="col">Unit</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((row) => (
              <ColumnRow
                key={row.source}
                row={row}
                choice={choices[row.source] ?? UNUSED}
                onChange={(patch) => choose(row.source, patch)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > MAX_ROWS ? (
        <p className="field__hint">{shown.length - MAX_ROWS} more: filter to find them.</p>
      ) : null}
      <Preview preview={preview} draft={draft} path={sniffed.path} />
      <div className="row">
        <button type="submit" disabled={!canSave}>
          Save mapping and read the file
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface ColumnRowProps {
  row: MappableColumn & { absent: boolean };
  choice: Choice;
  onChange: (patch: Partial<Choice>) => void;
}

function ColumnRow({ row: { source, sample, absent }, choice, onChange }: ColumnRowProps) {
  const target = targetOf(choice);
  const units = isMappingTarget(target) ? unitsFor(target) : [];
  return (
    <tr>
      <th scope="row">
        <code>{source}</code>
        {absent ? <span className="field__error"> not in the file</span> : null}
      </th>
      <td className="mapping-table__sample">{sample}</td>
      <td>
        <div className="mapping-table__choice">
          <select
            aria-label={`${source}: is`}
            value={choice.metric}
            onChange={(e) => onChange({ metric: e.target.value })}
          >
            <option value="">— not used —</option>
            {METRIC_GROUPS.map(({ group, metrics }) => (
              <optgroup key={group} label={group}>
                {metrics.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {isDistribution(choice.metric) ? (
            <select
              aria-label={`${source}: statistic`}
              value={choice.stat}
              onChange={(e) => onChange({ stat: e.target.value as Stat })}
            >
              {STATS.map((stat) => (
                <option key={stat} value={stat}>
                  {stat}
                </option>
              ))}
            </select>
          ) : null}
        </div>
      </td>
      <td>
        {units.length > 1 ? (
          <select
            aria-label={`${source}: unit`}
            value={choice.unit ?? ''}
            onChange={(e) => onChange({ unit: e.target.value as MappingUnit })}
          >
            {units.map((unit) => (
              <option key={unit} value={unit}>
                {UNIT_LABELS[unit]}
              </option>
            ))}
          </select>
        ) : units.length === 1 && units[0] !== undefined ? (
          <span className="field__unit">{UNIT_LABELS[units[0]]}</span>
        ) : null}
      </td>
    </tr>
  );
}

/** A validation message in the dialog's words: "Column "ttft": …" rather than "mapping.fields[2].unit: …". */
function inWords(preview: Extract<MappingPreview, { ok: false }>, draft: ColumnMapping): string {
  const field = /^mapping\.fields\[(\d+)\]/.exec(preview.field);
  const detail = preview.message.slice(preview.message.indexOf(': ') + 2);
  if (field) return `Column "${draft.fields[Number(field[1])]?.source ?? '?'}": ${detail}`;
  const names: Record<string, string> = {
    'mapping.name': 'Mapping name',
    'mapping.appliesTo': 'Applies to',
    'mapping.recordsPath': 'Records at',
    'mapping.fields': 'Columns',
  };
  const name = names[preview.field];
  return name ? `${name}: ${detail}` : preview.message;
}

function Preview({ preview, draft, path }: { preview: MappingPreview; draft: ColumnMapping; path: string }) {
  return (
    <section className="mapping-preview" aria-label="Preview">
      <h3>Preview</h3>
      <div role="status">
        {!preview.ok ? (
          <p className="field__error">{inWords(preview, draft)}</p>
        ) : (
          <>
            <p>
              {preview.points.length} point{preview.points.length === 1 ? '' : 's'} in {preview.series} series
              {preview.withoutLoad > 0
                ? `; ${preview.withoutLoad} without a load level (map a concurrency or request-rate column)`
                : ''}
              .
            </p>
            {!preview.appliesToFile ? (
              <p className="field__error">“Applies to” does not match this file ({path}): it would not be read.</p>
            ) : null}
          </>
        )}
      </div>
      {preview.ok && preview.points.length > 0 ? (
        <table className="mapping-table">
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col">Load</th>
              <th scope="col">Requests/s</th>
              <th scope="col">Output tokens/s</th>
            </tr>
          </thead>
          <tbody>
            {preview.points.slice(0, 8).map((point) => (
              <tr key={point.id}>
                <td>{point.seriesName}</td>
                <td>{describeLoad(point)}</td>
                <td>{formatNumber(point.requestsPerSecond)}</td>
                <td>{formatNumber(point.outputTokensPerSecond)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.ok && preview.points.length > 8 ? (
        <p className="field__hint">and {preview.points.length - 8} more</p>
      ) : null}
    </section>
  );
}
