import { test, expect } from '@playwright/test';

test('a guest signs in and sees the catalog', async ({ page }) => {
  await page.goto('/');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  // the catalog table lists the example entities shipped in app-config.yaml
  await expect(
    page.getByRole('link', { name: 'example-website' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/catalog.png',
    fullPage: true,
  });
});
