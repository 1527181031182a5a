import { defineConfig } from 'vitest/config';

// Many suites spawn the real CLI or a browser; on a busy two-core CI machine a spawn can take
// seconds, so the per-test ceiling is generous. It is a guard against hangs, not a speed test.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
