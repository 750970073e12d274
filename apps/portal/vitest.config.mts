import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

/** Component tests: jsdom, Testing Library; files named *.test.tsx (jest owns *.spec.ts). */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@workflow-schema', replacement: `${repository}workflows/schema/workflow-v1.schema.json` },
      // Monaco's deep ESM paths, resolved the same way for our imports and monaco-yaml's worker.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${repository}node_modules/monaco-editor/esm/vs/$1` },
    ],
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
