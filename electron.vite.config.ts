// Builds the three parts of the app into out/: main (Electron entry plus the plain-Node
// entries for the CLI, browser mode and the launcher), the sandboxed preload, the renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
          serve: resolve(__dirname, 'src-main/server/main.ts'),
          start: resolve(__dirname, 'src-main/launcher/start.ts'),
          // the face detector's thread: its own file, found beside the bundle at run time
          faceWorker: resolve(__dirname, 'src-main/faces/faceWorker.ts'),
        },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') } },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
