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

  // the node pool's own row, not the placement grid's or the sparklines' rows that name it too
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Scale np-large' }) });
  await row.getByRole('button', { name: /scale/i }).click();
  const dialog = page.getByRole('dialog');
  const input = dialog.getByRole('spinbutton').or(dialog.getByRole('textbox'));
  const current = Number(await input.first().inputValue());
  const target = current === 1 ? 2 : 1;
  await input.first().fill(String(target));
  await dialog.getByRole('button', { name: /^scale$/i }).click();

  // the reconciler brings machines up one per second; the page polls until ready matches
  await expect(row).toContainText(`${target} of ${target} ready`, {
    timeout: 60_000,
  });
  await page.screenshot({
    path: 'artifacts/screenshots/vsphere-tab-scaled.png',
    fullPage: true,
  });
});

test("the guest may scale the guests' cluster but sees no scale button on team-a's", async ({
  page,
}) => {
  await signInAsGuest(page);
  // team-a owns namespace team-a (a label on it in the Supervisor) and so its cluster
  await page.goto(
    '/catalog/default/resource/team-a.cluster.team-a-tkc/vsphere',
  );
  await expect(page.getByText('workers').first()).toBeVisible();
  await expect(page.getByText(/of 2 ready/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^scale/i })).toHaveCount(0);
  await page.screenshot({
    path: 'artifacts/screenshots/team-a-cluster-as-guest.png',
    fullPage: true,
  });

  // the guests own namespace demo: its cluster's node pools scale
  await page.goto(
    '/catalog/default/resource/demo.cluster.demo-cluster/vsphere',
  );
  await expect(
    page.getByRole('button', { name: 'Scale np-small' }),
  ).toBeVisible();
});
