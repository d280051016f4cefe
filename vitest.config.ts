import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/renderer/**'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'unit-dom',
          environment: 'jsdom',
          include: [
            'tests/unit/renderer/**/*.test.ts',
            'tests/unit/renderer/**/*.test.tsx',
            // The fleet grid module keeps its tests beside it.
            'renderer/src/fleet-grid/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests share real processes (redis-server, the keyring); keep files sequential.
          fileParallelism: false,
        },
      },
      {
        test: {
          // Fuzzing, faults, crash recovery, corrupt files, no keychain. CRS_RELIABILITY_SCALE=small in
          // `npm test`, full from `npm run bench -- --reliability`.
          name: 'reliability',
          environment: 'node',
          include: ['tests/reliability/**/*.test.ts'],
          testTimeout: 900_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
