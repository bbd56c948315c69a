import { expect, Page, test } from '@playwright/test';

const shots = '../../artifacts/verify-install';

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('the fresh app shows the vSphere tab of an annotated service with its VMs and node pools', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/adopter-service');
  // the entity page's tabs are links in the new frontend system
  await page.getByRole('link', { name: 'vSphere', exact: true }).click();

  await expect(page.getByText('RUNNING').first()).toBeVisible();
  await expect(page.getByText('demo-web-01').first()).toBeVisible();
  await expect(page.getByText('demo-cluster').first()).toBeVisible();
  await expect(page.getByText('np-small').first()).toBeVisible();
  await page.screenshot({
    path: `${__dirname}/${shots}/vsphere-tab.png`,
    fullPage: true,
  });
});

test("the fresh app's namespace template form lists vCenters and Supervisors live", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create/templates/default/vsphere-supervisor-namespace');

  await page.getByRole('textbox', { name: 'vCenter' }).click();
  await expect(page.getByRole('option', { name: 'testenv' })).toBeVisible();
  await page.getByRole('option', { name: 'testenv' }).click();
  await page.getByRole('textbox', { name: 'Supervisor' }).click();
  await expect(
    page.getByRole('option', { name: 'supervisor' }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: `${__dirname}/${shots}/namespace-form.png`,
    fullPage: true,
  });
});

test("the fresh app's Kubernetes tab reads demo-cluster's pods with its read-only service account", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/adopter-service/kubernetes');
  // the cluster's card, by its catalog title, counts the three demo-web pods of the workload API server
  const card = page.getByRole('button', { name: /demo-cluster/ });
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card).toContainText('3 pods');
  await expect(card).toContainText('No pods with errors');
  await expect(
    page.getByText('problem retrieving Kubernetes objects'),
  ).toHaveCount(0);
  await page.screenshot({
    path: `${__dirname}/${shots}/kubernetes-tab.png`,
    fullPage: true,
  });
});
