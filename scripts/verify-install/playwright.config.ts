import { defineConfig } from '@playwright/test';

// scripts/verify-install.sh starts the fresh adopter app first and passes its URL.
export default defineConfig({
  testDir: '.',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    [
      'html',
      { open: 'never', outputFolder: '../../artifacts/verify-install/report' },
    ],
  ],
  use: {
    baseURL: process.env.ADOPTER_URL ?? 'http://localhost:27007',
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's chromium: Playwright's own browser download cannot be reached here
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: '../../artifacts/verify-install/results',
});
