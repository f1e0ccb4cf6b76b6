/**
 * Load level recovered from a run's folder or file name (docs/file-formats.md §Load level), for files that do
 * not state it: `…-concurrency16/`, `…_c16…`, `concurrency_10/`, `conc64`, `…-request_rate2.5/`, `qps4`. A bare
 * `r1` is not read as a rate: it would take DeepSeek-R1 for one.
 */
import { RULES, numberProblem } from '../scenario/rules.ts';

export interface PathLoad {
  concurrency?: number;
  requestRate?: number;
  /** The path with the load token replaced by `{load}`: runs of one sweep share it. */
  familyPath: string;
}

// A token starts at the path start or a separator and ends at a separator or the end.
const SEP_BEFORE = '(?<=^|[-_./\\\\ ])';
const SEP_AFTER = '(?=$|[-_./\\\\ ])';
const NUMBER = '(\\d+(?:\\.\\d+)?)';

const PATTERNS: ReadonlyArray<{ kind: 'concurrency' | 'requestRate'; re: RegExp }> = [
  { kind: 'concurrency', re: new RegExp(`${SEP_BEFORE}(?:concurrency|conc|c)[-_=]?${NUMBER}${SEP_AFTER}`, 'gi') },
  {
    kind: 'requestRate',
    re: new RegExp(`${SEP_BEFORE}(?:request[-_]?rate|rate|qps|rps)[-_=]?${NUMBER}${SEP_AFTER}`, 'gi'),
  },
];

/**
 * Finds the innermost load token of `path` (the last one: `sweep-c1-250/run-concurrency16` is 16).
 * Returns the family path either way; no token means no load.
 */
export function loadFromPath(path: string): PathLoad {
  let best: { kind: 'concurrency' | 'requestRate'; value: number; index: number; length: number } | undefined;
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (const match of path.matchAll(re)) {
      const value = Number(match[1]);
      // The rule a saved point's load obeys: a folder named c1000000000000000000000 gives no load level.
      if (numberProblem(value, RULES.loadLevel) !== null) continue;
      if (kind === 'concurrency' && !Number.isInteger(value)) continue;
      if (best === undefined || match.index > best.index)
        best = { kind, value, index: match.index, length: match[0].length };
    }
  }
  if (best === undefined) return { familyPath: path };
  const familyPath = collapseNestedRuns(path, best.index, best.length, best.kind);
  return best.kind === 'concurrency'
    ? { concurrency: best.value, familyPath }
    : { requestRate: best.value, familyPath };
}

type PathKind = 'concurrency' | 'requestRate';

function lastSeparator(path: string, before: number): number {
  return before < 0 ? -1 : Math.max(path.lastIndexOf('/', before), path.lastIndexOf('\\', before));
}

/**
 * The family path: the load token replaced by `{load}`. A run folder nested in run folders of the same pattern
 * (AIPerf sweeps write `name_concurrency2/name_concurrency4/`) is one family with them: the whole chain of
 * same-pattern folders becomes one `{load}` segment, so `name_concurrency2` and
 * `name_concurrency2/name_concurrency4` both give `name_{load}`.
 */
function collapseNestedRuns(path: string, index: number, length: number, kind: PathKind): string {
  const start = lastSeparator(path, index - 1) + 1;
  const nextSeparator = path.slice(index + length).search(/[\\/]/);
  const end = nextSeparator < 0 ? path.length : index + length + nextSeparator;
  const segment = `${path.slice(start, index)}{load}${path.slice(index + length, end)}`;
  let outer = start;
  while (outer > 0) {
    const parentStart = lastSeparator(path, outer - 2) + 1;
    const parent = loadFromPath(path.slice(parentStart, outer - 1));
    const parentKind = parent.concurrency !== undefined ? 'concurrency' : 'requestRate';
    if (parent.familyPath !== segment || parentKind !== kind) break;
    outer = parentStart;
  }
  return `${path.slice(0, outer)}${segment}${path.slice(end)}`;
}

/** Folder names that say nothing about the configuration and are left out of a series name. */
const GENERIC_SEGMENTS = new Set(['artifacts', 'results', 'output', 'outputs', 'runs', '.']);

/**
 * A readable series name from a family path: the load token and generic folders removed,
 * the last two meaningful segments kept ("nim-sweep / meta_llama3-8b-instruct-openai-chat").
 */
export function seriesNameFromFamily(familyPath: string): string {
  const segments = familyPath
    .split(/[\\/]/)
    .map((s) =>
      s
        .replace(/[-_.]?\{load\}/, '')
        .replace(/\{load\}[-_.]?/, '')
        .replace(/^[-_.]+|[-_.]+$/g, ''),
    )
    .filter((s) => s !== '' && !GENERIC_SEGMENTS.has(s.toLowerCase()));
  if (segments.length === 0) return familyPath.replace('{load}', '').trim() || 'benchmark';
  // A batch prefix given to a second folder with the same paths ("load 2/…", see the store) stays visible.
  const batch = segments.length > 2 && /^load \d+$/.test(segments[0] ?? '') ? [segments[0] ?? ''] : [];
  return [...batch, ...segments.slice(-2)].join(' / ');
}
