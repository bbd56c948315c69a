import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `scripts/production.sh test` starts the production topology first and points PLAYWRIGHT_URL at its load balancer.
export default defineConfig({
  ...base,
  testDir: 'packages/app/e2e-production',
  timeout: 300_000,
  projects: undefined,
  reporter: [
    ['list'],
    [
      'html',
      { open: 'never', outputFolder: 'artifacts/e2e-production-report' },
    ],
  ],
  outputDir: 'artifacts/e2e-production-results',
});
