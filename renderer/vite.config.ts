/**
 * Build of the renderer. One bundle serves both transports: Electron loads it from file:// and
 * the browser host serves it over HTTP, so every URL in it must be relative (base './').
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// import.meta.dirname rather than node:path, which the renderer's lint rules keep out of renderer/.
const rendererDir = import.meta.dirname;

export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${rendererDir}/../dist/renderer`,
    emptyOutDir: true,
    // AG Grid alone is ~1 MB minified; the app is loaded from disk or loopback, never a network.
    chunkSizeWarningLimit: 2500,
  },
});
