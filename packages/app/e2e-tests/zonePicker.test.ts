import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The option values a picker offers once it has loaded them (each shows `value — description`). */
async function offered(page: Page, label: string): Promise<string[]> {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  const names = await options.allInnerTexts();
  await page.keyboard.press('Escape');
  return names.map(n => n.split(' — ')[0].trim());
}

test("the namespace template offers the chosen Supervisor's zones", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create/templates/default/vsphere-supervisor-namespace');
  await pick(page, 'vCenter', 'testenv');

  await pick(page, 'Supervisor', /^supervisor\b(?!2)/);
  // the list reloads when the Supervisor changes: ask again until it has, as below
  await expect(async () => {
    expect(await offered(page, 'Zones')).toEqual(['zone-a', 'zone-b']);
  }).toPass({ timeout: 30_000 });

  await pick(page, 'Supervisor', /supervisor2/);
  await expect(async () => {
    expect(await offered(page, 'Zones')).toEqual(['zone-c']);
  }).toPass({ timeout: 10_000 });
  await page.screenshot({
    path: 'artifacts/screenshots/namespace-template-zones.png',
    fullPage: true,
  });
});

test("the VM template offers only the namespace's VM classes and zones", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create/templates/default/vsphere-virtual-machine');
  await pick(page, 'vCenter', 'testenv');
  await pick(page, 'Supervisor', /^supervisor\b(?!2)/);
  await pick(page, 'Supervisor namespace', 'team-a');
  await page.getByLabel('VM name').fill('e2e-zone-vm');
  await page.getByRole('textbox', { name: 'Owner' }).fill('team-a');
  await page
    .getByRole('option', { name: /team-a/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // team-a may use the two best-effort classes, not guaranteed-large, and only zone-a
  expect(await offered(page, 'VM class')).toEqual([
    'best-effort-medium',
    'best-effort-small',
  ]);
  expect(await offered(page, 'Zone')).toEqual(['zone-a']);
  await page.screenshot({
    path: 'artifacts/screenshots/vm-template-team-a-zones.png',
    fullPage: true,
  });
});

test("the demo service's vSphere tab shows the zones its namespace is placed in", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/demo-web/vsphere');

  const zones = page.getByRole('grid', { name: 'Zones' });
  await expect(zones).toContainText('zone-a (management)');
  await expect(zones).toContainText('zone-b');
  await page.screenshot({
    path: 'artifacts/screenshots/vsphere-tab-zones.png',
    fullPage: true,
  });
});
