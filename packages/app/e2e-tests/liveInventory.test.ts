import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { kubectl } from './testenvCli';

type Topology = {
  spec: {
    topology: {
      workers: { machineDeployments: { name: string; replicas: number }[] };
    };
  };
};

function scaleWithKubectl(pool: string, replicas: number) {
  const cluster: Topology = kubectl(
    '-n',
    'demo',
    'get',
    'cluster',
    'demo-cluster',
  );
  const index = cluster.spec.topology.workers.machineDeployments.findIndex(
    md => md.name === pool,
  );
  kubectl(
    '-n',
    'demo',
    'patch',
    'cluster',
    'demo-cluster',
    '--type',
    'json',
    '-p',
    JSON.stringify([
      {
        op: 'replace',
        path: `/spec/topology/workers/machineDeployments/${index}/replicas`,
        value: replicas,
      },
    ]),
  );
  return cluster.spec.topology.workers.machineDeployments[index].replicas;
}

test('an open vSphere tab follows a kubectl scale made outside the portal, without reload or polling', async ({
  page,
}) => {
  await signInAsGuest(page);
  const overviewReads: string[] = [];
  page.on('request', request => {
    if (request.url().includes('/api/vsphere/entities/')) {
      overviewReads.push(request.url());
    }
  });
  await page.goto(
    '/catalog/default/resource/demo.cluster.demo-cluster/vsphere',
  );
  // the node pool's own row, not the placement grid's or the sparklines' rows that name it too
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Scale np-small' }) });
  const readyCell = row.getByText(/^\d+ of \d+ ready$/);
  /** The pool's node count once all its nodes are ready, else undefined. */
  const settledCount = async () => {
    const [, ready, desired] =
      (await readyCell.textContent())?.match(/^(\d+) of (\d+) ready$/) ?? [];
    return ready !== undefined && ready === desired ? Number(ready) : undefined;
  };
  await expect.poll(settledCount, { timeout: 30_000 }).toBeDefined();

  // a mark on the window survives only if the page is never reloaded
  await page.evaluate(() => {
    (window as unknown as { liveMark: number }).liveMark = 1;
  });
  // nothing changes upstream: an open page asks the backend nothing
  const settled = overviewReads.length;
  await page.waitForTimeout(6_000);
  expect(overviewReads.length).toBe(settled);

  const current = (await settledCount())!;
  const target = current === 1 ? 2 : 1;
  const original = scaleWithKubectl('np-small', target);
  try {
    // machines come up (or go) one per second, each pushed to the page
    await expect(readyCell).toHaveText(`${target} of ${target} ready`, {
      timeout: 30_000,
    });
    await page.screenshot({
      path: 'artifacts/screenshots/vsphere-tab-live-scale.png',
      fullPage: true,
    });
  } finally {
    scaleWithKubectl('np-small', original);
  }
  expect(
    await page.evaluate(
      () => (window as unknown as { liveMark?: number }).liveMark,
    ),
  ).toBe(1);
  // what the page showed came from re-reads it was told to make
  expect(overviewReads.length).toBeGreaterThan(settled);
});
