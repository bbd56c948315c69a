import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { govc, tryRun } from './testenvCli';

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

const name = `e2e-ns-${Date.now().toString(36)}`;

// a repeated run leaves no namespace behind in the developers' long-lived testenv
test.afterAll(() => tryRun(() => govc('namespace.rm', name)));

test('a guest creates a Supervisor namespace with the template and its pickers', async ({
  page,
}) => {
  // vCenter's namespace creation (up to 90 s) and the catalog's ingestion (up to 120 s) in one test
  test.setTimeout(240_000);
  await signInAsGuest(page);
  await page.goto('/create/templates/default/vsphere-supervisor-namespace');

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Created by the browser test');
  // a team other than the catalog's default owner (guests), so the owner shown later is the chosen one
  await page.getByRole('textbox', { name: 'Owner' }).fill('team-a');
  await page
    .getByRole('option', { name: /team-a/ })
    .first()
    .click();
  // the pickers load their options live from the vsphere backend
  await pick(page, 'vCenter', 'testenv');
  await pick(page, 'Supervisor', 'supervisor');
  await page.getByRole('button', { name: 'Next' }).click();

  await pick(page, 'Storage policy', /k8s-gold/);
  await pick(page, 'VM classes', /best-effort-small/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.screenshot({
    path: 'artifacts/screenshots/namespace-template-review.png',
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Create' }).click();

  // the action waits until vCenter reports the namespace RUNNING
  await expect(page.getByRole('link', { name: 'Open in catalog' })).toBeVisible(
    { timeout: 90_000 },
  );
  await expect(page.getByText(`use-context ${name}`)).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/namespace-template-done.png',
    fullPage: true,
  });

  // the scaffolder announced it; the catalog provider ingests it within seconds, owned by the team
  await page.getByRole('link', { name: 'Open in catalog' }).click();
  // a page opened before the catalog finished processing the new entity does not update itself
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name })).toBeVisible({
      timeout: 5_000,
    });
    await expect(page.getByText('vsphere-namespace').first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  // the template made team-a the namespace's OWNER in vCenter; the catalog names it the owner
  await expect(
    page.getByRole('link', { name: 'team-a', exact: true }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/namespace-template-catalog.png',
    fullPage: true,
  });
});
