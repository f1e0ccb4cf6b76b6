/**
 * The repository explains itself: no file in it points to documents outside it (a clone has only this
 * repository), and every relative link of the README and docs/*.md reaches a file, and a heading where it names one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, repositoryFiles, ROOT } from './repositoryFiles.ts';

// Spelled in pieces so that this file does not match itself.
const FORBIDDEN = [['..', 'shared'].join('/'), ['', 'work', 'shared'].join('/'), ['DESIGN', 'md'].join('.')];

describe('the repository is self-contained', () => {
  const files = repositoryFiles();

  it('lists the repository files', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/method.md');
  });

  it('has no reference to a document outside the repository', () => {
    const found: string[] = [];
    for (const path of files) {
      const text = readText(path);
      if (text === undefined) continue;
      text.split('\n').forEach((line, index) => {
        for (const needle of FORBIDDEN) if (line.includes(needle)) found.push(`${path}:${index + 1}: ${needle}`);
      });
    }
    expect(found, `references outside the repository:\n${found.join('\n')}`).toEqual([]);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The text outside fenced code blocks (a link-like string inside an example is not a link). */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

function anchorsOf(file: string): Set<string> {
  const headings = [...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1] ?? '');
  return new Set(headings.map(headingAnchor));
}

describe('relative links of the README and docs/', () => {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
  const markdown = ['README.md', ...docs.map((f) => `docs/${f}`)];

  it('finds the documents', () => {
    const expected = ['README.md', 'docs/method.md', 'docs/scenario.md', 'docs/cli.md'];
    expect(markdown).toEqual(expect.arrayContaining(expected));
  });

  it.each(markdown)('%s: every relative link reaches a file inside the repository (and a heading)', (path) => {
    const file = join(ROOT, path);
    const broken: string[] = [];
    for (const match of prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const link = match[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:
      const [target = '', anchor] = link.split('#');
      const resolved = target === '' ? file : resolve(dirname(file), decodeURIComponent(target));
      const inside = !relative(ROOT, resolved).startsWith(`..${sep}`) && relative(ROOT, resolved) !== '..';
      if (!inside || !existsSync(resolved)) broken.push(`${link} (no such file in the repository)`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
        broken.push(`${link} (no heading "${anchor}")`);
      }
    }
    expect(broken, `${path}: broken links`).toEqual([]);
  });

  it('turns headings into GitHub anchors', () => {
    expect(headingAnchor('Points output (`--points`)')).toBe('points-output---points');
    expect(headingAnchor('Break-even and cheapest option')).toBe('break-even-and-cheapest-option');
    expect(headingAnchor('series[].match: an exact key wins')).toBe('seriesmatch-an-exact-key-wins');
  });
});
