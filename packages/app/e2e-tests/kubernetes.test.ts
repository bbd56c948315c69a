import { expect, test } from '@playwright/test';
import { guestApi, signInAsGuest } from './signIn';

// demo-web's pods live on demo-cluster, whose API server is the testenv's workload component;
// the Kubernetes plugin finds the cluster through the catalog module's kubernetes-cluster entity.
const backendUrl = process.env.PORTAL_BACKEND_URL ?? 'http://localhost:7007';
const PODS = [
  'demo-web-7d9f5-abcde',
  'demo-web-7d9f5-fghij',
  'demo-web-7d9f5-klmno',
];

test("the Kubernetes plugin's services route returns demo-cluster's pods for demo-web", async () => {
  const api = await guestApi(backendUrl);
  const entity = await (
    await api.get('/api/catalog/entities/by-name/component/default/demo-web')
  ).json();
  // the catalog may still be ingesting the cluster right after start-up
  await expect(async () => {
    const res = await api.post('/api/kubernetes/services/demo-web', {
      data: { entity },
    });
    expect(res.status()).toBe(200);
    const { items } = await res.json();
    const demo = items.find(
      (i: { cluster: { name: string } }) =>
        i.cluster.name === 'demo.cluster.demo-cluster',
    );
    expect(demo?.errors).toEqual([]);
    const pods = demo.resources.find(
      (r: { type: string }) => r.type === 'pods',
    ).resources;
    expect(
      pods.map((p: { metadata: { name: string } }) => p.metadata.name).sort(),
    ).toEqual(PODS);
  }).toPass({ timeout: 90_000 });
  await api.dispose();
});

test("demo-web's Kubernetes tab shows demo-cluster with its pods", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/demo-web/kubernetes');
  // the cluster's card, by its catalog title, counts the pods the workload API server holds
  // (the tab names pods only under their Deployment; the testenv's pods have none)
  const card = page.getByRole('button', { name: /demo-cluster/ });
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card).toContainText(`${PODS.length} pods`);
  await expect(card).toContainText('No pods with errors');
  await expect(
    page.getByText('problem retrieving Kubernetes objects'),
  ).toHaveCount(0);
});
