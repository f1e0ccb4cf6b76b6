/**
 * `npm run bench:size` — the initial JavaScript the page loads, gzip-compressed (budget: 260 KB,
 * docs/architecture.md §Performance budgets).
 * "Initial" = the module scripts and modulepreloads in dist/index.html; chunks loaded on demand (the demo, the
 * parse worker, later the export code) are listed separately.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../../dist');
const BUDGET_KB = 260;

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;

let total = 0;
for (const file of initial) {
  const kb = gz(file);
  total += kb;
  console.log(`initial   ${file.padEnd(44)} ${kb.toFixed(1)} KB gzip`);
}
for (const f of readdirSync(join(DIST, 'assets')).filter(
  (name) => name.endsWith('.js') && !initial.includes(`assets/${name}`),
)) {
  console.log(`on demand assets/${f.padEnd(37)} ${gz(`assets/${f}`).toFixed(1)} KB gzip`);
}
console.log(
  `\ninitial JavaScript: ${total.toFixed(1)} KB gzip ` +
    `(budget ${BUDGET_KB} KB: ${total <= BUDGET_KB ? 'within' : 'OVER'})`,
);
