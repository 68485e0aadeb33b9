// `npm run test:faults`: every crash test, with more kill points (FAULTS_FULL=1).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts', 'tests/integration/migrationCrash.test.ts', 'tests/integration/capture.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    pool: 'forks',
    env: { FAULTS_FULL: '1' },
  },
});
