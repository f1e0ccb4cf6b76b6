import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built app works from any folder or static host.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Core and store tests run in plain Node; UI tests opt into happy-dom with a file comment.
    environment: 'node',
  },
});
