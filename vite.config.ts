import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Private by construction: the built page may only talk to its own origin (connect-src 'self'), so no
 * benchmark data can leave the browser even by mistake. Build only: the dev server injects inline scripts.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative asset URLs: the built app works from any folder or static host.
  base: './',
  worker: { format: 'es' },
  // React + recharts alone are ~200 KB gzip; the budget (docs/architecture.md §Performance budgets: 260 KB gzip
  // initial) is checked by tests/bench/bundleSize.ts.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 900 },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Core and store tests run in plain Node; UI tests opt into happy-dom with a file comment.
    environment: 'node',
  },
});
