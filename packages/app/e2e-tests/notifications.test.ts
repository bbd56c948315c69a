import { expect, test } from '@playwright/test';
import { runTemplate } from './scaffolderTasks';
import { guestApi, signInAsGuest } from './signIn';
import { govc, tryRun, uniqueName } from './testenvCli';

// A template run ends in a notification the guest sees in the portal, linking to what it made.
const backendUrl = process.env.PORTAL_BACKEND_URL ?? 'http://localhost:7007';
const namespace = uniqueName('e2e-notify');

test.afterAll(() => {
  tryRun(() => govc('namespace.rm', namespace));
});

test('the initiator sees the notification of a finished template run', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const api = await guestApi(backendUrl);
  const { taskId } = await runTemplate(api, 'vsphere-supervisor-namespace', {
    name: namespace,
    owner: 'group:default/team-a',
    vcenter: 'testenv',
    supervisor: 'supervisor',
    storagePolicy: 'k8s-gold',
    storagePolicyLimit: '10Gi',
    vmClasses: ['best-effort-small'],
    contentLibraries: ['tkg-images'],
  });
  await api.dispose();

  await signInAsGuest(page);
  await page.goto('/notifications');
  const title = `vSphere Supervisor namespace '${namespace}' created`;
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/Finished in \d+ (min \d+ )?s\./);
  // the description is shortened in the list until expanded
  await row.getByText('Show more').click();
  await expect(row).toContainText(`/create/tasks/${taskId}`);
  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/resource/${namespace}$`),
  );
});
