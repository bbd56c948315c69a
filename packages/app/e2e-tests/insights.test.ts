import { expect, Locator, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/** The card whose header names `title`. */
function card(page: import('@playwright/test').Page, title: RegExp): Locator {
  return page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: title }) })
    .first();
}

test('the demo service shows capacity, the placement risk of its cluster and sparklines', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/demo-web/vsphere');

  const capacity = card(page, /Capacity of Supervisor cluster WCP-Cluster/);
  await expect(capacity).toBeVisible();
  await expect(capacity.getByText(/GHz used of 124\.8 GHz/)).toBeVisible();
  await expect(
    capacity.getByText('Promised to namespaces: 20 GHz, 0.16× the hosts'),
  ).toBeVisible();
  await capacity.screenshot({ path: 'plugins/vsphere/docs/capacity-card.png' });

  const placement = card(page, /Placement and HA risk/);
  await expect(
    placement.getByText(
      "⚠ all 2 VMs of node pool 'np-small' are on one datastore, vsanDatastore",
    ),
  ).toBeVisible();
  await expect(
    placement.getByRole('table', { name: 'Placement of cluster demo-cluster' }),
  ).toBeVisible();
  await placement.screenshot({
    path: 'plugins/vsphere/docs/placement-card.png',
  });

  const perf = card(page, /Recent CPU and memory/);
  await expect(
    perf.getByRole('img', { name: /^CPU of demo-web-01: \d+% now/ }),
  ).toBeVisible();
  await expect(
    perf.getByRole('link', { name: /Grafana/ }).first(),
  ).toBeVisible();
  await perf.screenshot({ path: 'plugins/vsphere/docs/sparklines.png' });

  await expect(
    page.getByRole('table', { name: 'ResourceQuota demo-storagequota' }),
  ).toContainText('limits.memory');
});
