import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('the demo service shows its Supervisor namespace, VMs and node pools, and a node pool scales', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/demo-web/vsphere');

  await expect(page.getByText('RUNNING').first()).toBeVisible();
  await expect(page.getByText('demo-web-01').first()).toBeVisible();
  await expect(page.getByText('demo-cluster').first()).toBeVisible();
  await expect(page.getByText('np-small').first()).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/vsphere-tab.png',
    fullPage: true,
  });

  const row = page.getByRole('row', { name: /np-large/ });
  await row.getByRole('button', { name: /scale/i }).click();
  const dialog = page.getByRole('dialog');
  const input = dialog.getByRole('spinbutton').or(dialog.getByRole('textbox'));
  const current = Number(await input.first().inputValue());
  const target = current === 1 ? 2 : 1;
  await input.first().fill(String(target));
  await dialog.getByRole('button', { name: /^scale$/i }).click();

  // the reconciler brings machines up one per second; the page polls until ready matches
  await expect(page.getByRole('row', { name: /np-large/ })).toContainText(
    `${target} of ${target} ready`,
    { timeout: 60_000 },
  );
  await page.screenshot({
    path: 'artifacts/screenshots/vsphere-tab-scaled.png',
    fullPage: true,
  });
});
