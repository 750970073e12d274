import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The portal: built into dist/portal and served by the API (same origin); in development Vite serves it and
 * forwards /api to the API (CONVEYOR_API_URL is read by the API's own config, so the proxy target is fixed to
 * the default address; change it here when the API listens elsewhere).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@workflow-schema', replacement: `${repository}workflows/schema/workflow-v1.schema.json` },
      // Monaco's deep ESM paths, resolved the same way for our imports and monaco-yaml's worker.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${repository}node_modules/monaco-editor/esm/vs/$1` },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
    fs: { allow: [repository] },
  },
  worker: { format: 'es' },
  build: {
    outDir: `${repository}dist/portal`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
  },
});
