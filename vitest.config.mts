// Unit and integration tests: plain Node, real SQLite files and real ffmpeg in temp folders.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/faults/**/*.test.ts'],
    environment: 'node',
    // generous: real ffmpeg work on a 2-core machine; tests wait for events, never sleep
    testTimeout: 120_000,
    pool: 'forks',
  },
});
