/**
 * The hostile corpus through the CLI: every file case written into a folder and read by `tco --points` (the same
 * expectations as the page), scenario cases through `--scenario`, and the folder layouts only the CLI meets
 * (dangling links, loops, unreadable folders). Nothing a file holds reaches the terminal raw.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/tco.ts';
import type { PointRecord } from '../../src/core/report/pointsReport.ts';
import type { FileError } from '../../src/core/model/benchmark.ts';
import { fileProblems } from './check.ts';
import { NIM_DIR, NIM_LEVELS, corpus, nimJsonText } from './corpus.ts';
import type { FileCase } from './corpus.ts';

const REPO = join(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'tco-hostile-'));
const { files, scenarios } = corpus();

/** Raw control characters that would act on a terminal (JSON output escapes them; nothing else may hold one). */
// eslint-disable-next-line no-control-regex -- looking for exactly these
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

function writeCase(c: FileCase): string {
  const dir = join(root, 'files', c.id);
  for (const f of c.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  return dir;
}

afterAll(() => {
  // Give the locked folder its permissions back, so the temp folder can be cleaned up.
  const locked = join(root, 'layouts', 'unreadable-folder', 'sweep', 'locked');
  if (existsSync(locked)) chmodSync(locked, 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe('hostile files through tco --points', () => {
  it.each(files.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const dir = writeCase(c);
    const { code, stdout, stderr } = await run('--points', dir);
    expect(RAW_CONTROL.test(stdout), 'raw control characters on stdout').toBe(false);
    expect(RAW_CONTROL.test(stderr), 'raw control characters on stderr').toBe(false);
    const out = JSON.parse(stdout) as { points: PointRecord[]; errors: FileError[]; skipped: FileError[] };
    // A label is relative to the folder's parent: "<id>/<path>", as the page names a chosen folder's files.
    const problems = fileProblems(c, { ...out, points: out.points.map((p) => ({ notes: p.notes, seriesName: p.series })) });
    expect(problems, c.title).toEqual([]);
    expect(code).toBe(out.errors.length > 0 ? 1 : 0);
  }, 60_000);

  it('keeps escape sequences from file and folder names off the terminal in --csv and in error lines', async () => {
    const dir = join(root, 'escapes');
    const name = 'evil\u001b]0;title\u0007\u001b[2J\u009b31m\u202e-c10';
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'profile_export_genai_perf.json'), nimJsonText(10));
    writeFileSync(join(dir, name, 'bad\u001b[1A\r fake.json'), '{"x": ');
    for (const args of [['--csv', dir], ['--points', '--csv', dir], [dir]]) {
      const { stdout, stderr } = await run(...args);
      expect(RAW_CONTROL.test(stdout), `${args.join(' ')}: stdout`).toBe(false);
      expect(RAW_CONTROL.test(stderr), `${args.join(' ')}: stderr`).toBe(false);
      expect(stdout.includes('\r') && !args.includes('--csv')).toBe(false);
    }
    const csv = await run('--points', '--csv', dir);
    const rows = Papa.parse<Record<string, string>>(csv.stdout.replace(/^\uFEFF/, '').trim(), { header: true }).data;
    expect(rows).toHaveLength(1);
    // The series name was cleaned when it was made (U+FFFD, as the page shows it); the file path is escaped.
    expect(rows[0]?.['series']).toContain('evil\uFFFD]0;title\uFFFD\uFFFD[2J\uFFFD31m\\u202e');
    expect(rows[0]?.['sources']).toContain('evil\\x1b]0;title\\x07\\x1b[2J\\x9b31m\\u202e');
    expect(csv.stderr).toContain('bad\\x1b[1A\\x0d fake.json');
  });
});

describe('hostile scenario files through --scenario', () => {
  it.each(scenarios.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const path = join(root, 'scenarios', `${c.id}.json`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, c.bytes);
    const { code, stdout, stderr } = await run('--points', '--scenario', path);
    expect(RAW_CONTROL.test(stdout + stderr)).toBe(false);
    if (c.expect.ok) {
      // Accepted: runs (no paths given, so only the embedded points; none → the "no files" usage error).
      const embedded = c.expect.points ?? 0;
      if (embedded > 0) {
        expect(code).toBe(0);
        expect((JSON.parse(stdout) as { points: unknown[] }).points).toHaveLength(embedded);
      } else {
        expect(stderr).toMatch(/no benchmark files or folders given/);
      }
    } else {
      expect(code).toBe(2);
      expect(stderr).toMatch(c.expect.message);
    }
  }, 60_000);
});

describe('folder layouts with symbolic links', () => {
  /** A sweep of the real JSONs under <layout>/sweep/, plus the layout's trap. */
  function sweep(id: string): string {
    const dir = join(root, 'layouts', id, 'sweep');
    for (const c of NIM_LEVELS) {
      mkdirSync(join(dir, `run-c${c}`), { recursive: true });
      writeFileSync(join(dir, `run-c${c}`, 'profile_export_genai_perf.json'), nimJsonText(c));
    }
    return dir;
  }
  const points = async (dir: string) => {
    const { code, stdout } = await run('--points', dir);
    return { code, ...(JSON.parse(stdout) as { points: PointRecord[]; errors: FileError[]; skipped: FileError[] }) };
  };

  it('dangling link: reported for that entry alone, the sweep beside it read', async () => {
    const dir = sweep('dangling-link');
    symlinkSync(join(dir, 'does-not-exist'), join(dir, 'run-c999'));
    const out = await points(dir);
    expect(out.points).toHaveLength(7);
    expect(out.errors).toEqual([{ file: 'sweep/run-c999', reason: 'broken symbolic link: what it points to does not exist' }]);
    expect(out.code).toBe(1);
  });

  it('link loop: one short error naming the link, not a path repeated to 4 KB', async () => {
    const dir = sweep('link-loop');
    symlinkSync(dir, join(dir, 'run-c10', 'back-to-sweep'));
    const out = await points(dir);
    expect(out.points).toHaveLength(7);
    expect(out.errors).toEqual([{ file: 'sweep/run-c10/back-to-sweep', reason: 'symbolic link loop: it points to a folder that contains it; not followed' }]);
  });

  it('two links pointing at each other: the loop named, the rest read', async () => {
    const dir = sweep('link-cycle');
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    const out = await points(dir);
    expect(out.points).toHaveLength(7);
    expect(out.errors.map((e) => [e.file, e.reason])).toEqual([
      ['sweep/a', 'symbolic link loop: the links point at each other'],
      ['sweep/b', 'symbolic link loop: the links point at each other'],
    ]);
  });

  it('a second link to a folder already read: counted once, and said so', async () => {
    const dir = sweep('duplicate-link');
    symlinkSync(join(dir, 'run-c10'), join(dir, 'same-as-c10'));
    const out = await points(dir);
    expect(out.points).toHaveLength(7);
    expect(out.errors).toEqual([]);
    expect(out.skipped).toEqual([{ file: 'sweep/same-as-c10', reason: 'a link to a folder already read: its files are counted once' }]);
    expect(out.code).toBe(0);
  });

  it('an unreadable sub-folder: reported, the rest read', async () => {
    const dir = sweep('unreadable-folder');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'profile_export_genai_perf.json'), '{}');
    chmodSync(join(dir, 'locked'), 0);
    const out = await points(dir);
    expect(out.points).toHaveLength(7);
    // Root reads every folder: then the file inside is read (and refused as of unknown layout) instead.
    const expected = process.getuid?.() === 0 ? /unknown layout/ : /permission denied: this folder cannot be read/;
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]?.reason).toMatch(expected);
  });
});

describe('bounded work', () => {
  it('refuses 60 MiB of "[" in seconds and well under 1 GB of memory (was 48 s and 2.75 GB)', () => {
    const c = files.find((f) => f.id === 'deep-60mib')!;
    const dir = writeCase(c);
    const script = `import('./src/cli/tco.ts').then((m) => m.main(['--points', ${JSON.stringify(dir)}], () => {}, () => {})).then((code) => { process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })); });`;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO, encoding: 'utf8' });
    const seconds = (Date.now() - started) / 1000;
    const { code, maxRssKb } = JSON.parse(child.stderr.trim().split('\n').pop() ?? '{}') as { code: number; maxRssKb: number };
    expect(code).toBe(1);
    expect(maxRssKb / 1024).toBeLessThan(1024);
    expect(seconds).toBeLessThan(30);
  }, 60_000);

  it('reads the real NIM folder unchanged', async () => {
    const out = JSON.parse((await run('--points', NIM_DIR)).stdout) as { points: PointRecord[] };
    expect(out.points).toHaveLength(7);
  });
});
