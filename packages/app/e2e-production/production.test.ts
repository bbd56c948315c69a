import { execFileSync } from 'node:child_process';
import {
  APIRequestContext,
  Browser,
  expect,
  Page,
  request,
  test,
} from '@playwright/test';
import { kubectl } from '../e2e-tests/testenvCli';

// Runs on the production topology of scripts/production.sh: two replicas from the production
// build behind a load balancer, PostgreSQL, the shared cache and a real OIDC provider.
const replicaA = process.env.PROD_REPLICA_A_URL ?? 'http://127.0.0.1:37007';
const replicaB = process.env.PROD_REPLICA_B_URL ?? 'http://127.0.0.1:37008';
const entityPath = '/api/vsphere/entities/default/component/team-a-api';
const NAMESPACE = 'team-a';

test.describe.configure({ mode: 'serial' });

/** Signs in through the OIDC provider's own login page (a popup), as Backstage's sign-in page opens it. */
async function signIn(page: Page, login: string) {
  await page.goto('/');
  await expect(page.getByText('Company sign-in').first()).toBeVisible();
  // no guest sign-in in production
  await expect(page.getByRole('button', { name: 'Enter' })).toHaveCount(0);
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign In' }).click();
  const popup = await popupOpened;
  await popup.locator('input[name="login"]').fill(login);
  await popup.locator('input[name="password"]').fill('any');
  await popup.getByRole('button', { name: /sign-in/i }).click();
  // the provider asks once to authorize the portal
  await popup.getByRole('button', { name: /continue/i }).click();
}

async function signedInPage(browser: Browser, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login);
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  return page;
}

/** The signed-in user's Backstage token, from the OIDC session cookie. */
async function tokenOf(page: Page): Promise<string> {
  const res = await page.request.get('/api/auth/oidc/refresh?env=production', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}

async function apiOf(
  baseURL: string,
  token: string,
): Promise<APIRequestContext> {
  return request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
}

type Overview = {
  clusters: Array<{
    name: string;
    nodePools: Array<{
      name: string;
      desiredReplicas?: number;
      replicas?: number;
    }>;
  }>;
};

function desired(overview: Overview, cluster: string, pool: string) {
  const p = overview.clusters
    .find(c => c.name === cluster)
    ?.nodePools.find(n => n.name === pool);
  return p?.desiredReplicas ?? p?.replicas;
}

let alice: Page;

test("a team-a user signs in through the OIDC provider, sees the vSphere tab and scales team-a's node pool", async ({
  browser,
}) => {
  alice = await signedInPage(browser, 'alice');
  await alice.goto('/catalog/default/component/team-a-api/vsphere');
  const row = alice
    .getByRole('row', { name: /team-a-tkc|np-/ })
    .filter({ has: alice.getByRole('button', { name: /scale/i }) })
    .first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /scale/i }).click();
  const dialog = alice.getByRole('dialog');
  const input = dialog
    .getByRole('spinbutton')
    .or(dialog.getByRole('textbox'))
    .first();
  const target = Number(await input.inputValue()) === 1 ? 2 : 1;
  await input.fill(String(target));
  await dialog.getByRole('button', { name: /^scale$/i }).click();
  await expect(dialog).toBeHidden();
  await alice.screenshot({
    path: 'artifacts/screenshots/production-team-a-scaled.png',
    fullPage: true,
  });
});

test("a team-b user sees the tab but may not scale team-a's node pool, and an unknown user is refused", async ({
  browser,
}) => {
  const bob = await signedInPage(browser, 'bob');
  await bob.goto('/catalog/default/component/team-a-api/vsphere');
  await expect(bob.getByText('team-a-tkc').first()).toBeVisible();
  await expect(bob.getByRole('button', { name: /scale/i })).toHaveCount(0);
  const api = await apiOf(replicaA, await tokenOf(bob));
  const overview: Overview = await (
    await api.get(`${entityPath}/overview`)
  ).json();
  const cluster = overview.clusters[0];
  const refused = await api.post(
    `${entityPath}/clusters/${cluster.name}/nodepools/${cluster.nodePools[0].name}/scale`,
    {
      data: { replicas: 2 },
    },
  );
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('Not allowed to scale');
  await api.dispose();

  const context = await browser.newContext();
  const mallory = await context.newPage();
  await signIn(mallory, 'mallory');
  await expect(
    mallory
      .getByText(/unable to resolve user identity|Failed to sign-in/i)
      .first(),
  ).toBeVisible();
});

test('after a scale through replica A, replica B shows the new desired size within 2 s', async () => {
  const token = await tokenOf(alice);
  const a = await apiOf(replicaA, token);
  const b = await apiOf(replicaB, token);
  const read = async () =>
    (await (await b.get(`${entityPath}/overview`)).json()) as Overview;
  const before = await read(); // B's cache is warm now
  const cluster = before.clusters[0].name;
  const pool = before.clusters[0].nodePools[0].name;
  const target = desired(before, cluster, pool) === 2 ? 1 : 2;
  const scaled = await a.post(
    `${entityPath}/clusters/${cluster}/nodepools/${pool}/scale`,
    { data: { replicas: target } },
  );
  expect(scaled.status(), await scaled.text()).toBe(200);
  const started = Date.now();
  while (desired(await read(), cluster, pool) !== target) {
    expect(Date.now() - started).toBeLessThan(2_000);
  }
  const freshMs = Date.now() - started;
  process.stdout.write(
    `cross-replica freshness: replica B showed ${pool}=${target} ${freshMs} ms after the scale through replica A\n`,
  );
  expect(freshMs).toBeLessThan(2_000);
  expect(
    kubectl(
      '-n',
      NAMESPACE,
      'get',
      'machinedeployment',
      pool,
      '-o',
      'jsonpath={.spec.replicas}',
    ),
  ).toBe(String(target));
  await a.dispose();
  await b.dispose();
});
