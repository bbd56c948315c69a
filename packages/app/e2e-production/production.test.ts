import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  APIRequestContext,
  Browser,
  expect,
  Page,
  request,
  test,
} from '@playwright/test';
import { govc, kubectl, tryRun, uniqueName } from '../e2e-tests/testenvCli';

// Runs on the production topology of scripts/production.sh: two replicas from the production
// build behind a load balancer, PostgreSQL, the shared cache and a real OIDC provider.
const replicaA = process.env.PROD_REPLICA_A_URL ?? 'http://127.0.0.1:29007';
const replicaB = process.env.PROD_REPLICA_B_URL ?? 'http://127.0.0.1:29008';
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
    kind?: string;
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

/** The node pools of a cluster as the Supervisor holds them (Cluster API or TanzuKubernetesCluster). */
function poolsInKube(
  kind: string | undefined,
  cluster: string,
): Array<{ name: string; replicas?: number }> {
  if (kind === 'TanzuKubernetesCluster') {
    return kubectl('get', 'tanzukubernetescluster', '-n', NAMESPACE, cluster)
      .spec.topology.nodePools;
  }
  return kubectl('get', 'cluster', '-n', NAMESPACE, cluster).spec.topology
    .workers.machineDeployments;
}

const state =
  process.env.PROD_STATE ??
  path.resolve(__dirname, '../../../.testenv/production');
const replicaUrls: Record<string, string> = {
  'replica-a': replicaA,
  'replica-b': replicaB,
};

/** The replica whose worker runs a task: the one whose log names it. */
async function runnerOf(taskId: string): Promise<string> {
  let runner: string | undefined;
  await expect(async () => {
    runner = Object.keys(replicaUrls).find(name =>
      fs.readFileSync(path.join(state, `${name}.log`), 'utf8').includes(taskId),
    );
    expect(runner).toBeDefined();
  }).toPass({ timeout: 30_000 });
  return runner!;
}

function killReplica(name: string) {
  process.kill(
    Number(fs.readFileSync(path.join(state, `${name}.pid`), 'utf8')),
    'SIGKILL',
  );
}

/** Starts a killed replica again (scripts/production.sh start-replica), so both serve the next test. */
function restartReplica(name: string) {
  execFileSync(
    'bash',
    [
      path.resolve(__dirname, '../../../scripts/production.sh'),
      'start-replica',
      name.slice(-1),
    ],
    {
      stdio: 'inherit',
    },
  );
}

async function taskStatus(api: APIRequestContext, id: string): Promise<string> {
  return (await (await api.get(`/api/scaffolder/v2/tasks/${id}`)).json())
    .status;
}

/** Waits for a task to end on the surviving replica and returns its status and log. */
async function taskEnd(api: APIRequestContext, id: string) {
  let status = '';
  await expect(async () => {
    status = await taskStatus(api, id);
    expect(['completed', 'failed', 'cancelled']).toContain(status);
  }).toPass({ timeout: 180_000, intervals: [1_000] });
  const events = await (
    await api.get(`/api/scaffolder/v2/tasks/${id}/events`)
  ).json();
  return {
    status,
    log: events.map(
      (e: { type: string; body: { message?: string } }) =>
        `${e.type}: ${e.body.message ?? ''}`,
    ),
  };
}

async function startTask(
  api: APIRequestContext,
  template: string,
  values: object,
): Promise<string> {
  const created = await api.post('/api/scaffolder/v2/tasks', {
    data: { templateRef: `template:default/${template}`, values },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()).id;
}

/** Removes a test's node pool from the cluster's topology. */
function removePool(kind: string | undefined, cluster: string, pool: string) {
  const index = poolsInKube(kind, cluster).findIndex(p => p.name === pool);
  const [resource, list] =
    kind === 'TanzuKubernetesCluster'
      ? ['tanzukubernetescluster', '/spec/topology/nodePools']
      : ['cluster', '/spec/topology/workers/machineDeployments'];
  if (index >= 0) {
    kubectl(
      '-n',
      NAMESPACE,
      'patch',
      resource,
      cluster,
      '--type=json',
      '-p',
      JSON.stringify([{ op: 'remove', path: `${list}/${index}` }]),
    );
  }
}

let alice: Page | undefined;

test("a team-a user signs in through the OIDC provider, sees the vSphere tab and scales team-a's node pool", async ({
  browser,
}) => {
  alice = await signedInPage(browser, 'alice');
  await alice.goto('/catalog/default/component/team-a-api/vsphere');
  // the cluster's own pool row, not the placement grid's or the sparklines' rows that name it too
  const row = alice
    .getByRole('row')
    .filter({ has: alice.getByRole('button', { name: 'Scale workers' }) });
  const scale = row.getByRole('button', { name: /scale/i });
  await scale.click();
  const dialog = alice.getByRole('dialog');
  const input = dialog
    .getByRole('spinbutton')
    .or(dialog.getByRole('textbox'))
    .first();
  const target = Number(await input.inputValue()) === 1 ? 2 : 1;
  await input.fill(String(target));
  await dialog.getByRole('button', { name: /^scale$/i }).click();
  await expect(dialog).toBeHidden();
  // the reconciler brings machines up one per second; the page polls until ready matches
  await expect(row).toContainText(`${target} of ${target} ready`, {
    timeout: 90_000,
  });
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

test('after a scale through replica A, replica B shows the new desired size within 2 s', async ({
  browser,
}) => {
  alice ??= await signedInPage(browser, 'alice');
  const token = await tokenOf(alice!);
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
    poolsInKube(before.clusters[0].kind, cluster).filter(p => p.name === pool),
  ).toEqual([expect.objectContaining({ replicas: target })]);
  await a.dispose();
  await b.dispose();
});

test('a node pool create killed with its replica while it waits for readiness ends with one pool of the asked size', async ({
  browser,
}) => {
  alice ??= await signedInPage(browser, 'alice');
  const lb = await apiOf(
    process.env.PLAYWRIGHT_URL ?? 'http://localhost:29000',
    await tokenOf(alice!),
  );
  const overview: Overview = await (
    await lb.get(`${entityPath}/overview`)
  ).json();
  const { name: cluster, kind } = overview.clusters[0];
  const pool = uniqueName('kill').slice(0, 30);
  const id = await startTask(lb, 'vsphere-add-node-pool', {
    vcenter: 'testenv',
    namespace: NAMESPACE,
    cluster,
    name: pool,
    replicas: 4,
    vmClass: 'best-effort-small',
    storageClass: 'k8s-gold',
  });
  const runner = await runnerOf(id);
  // the pool exists in the Supervisor: the action created it and now waits for its nodes
  await expect(async () =>
    expect(poolsInKube(kind, cluster).map(p => p.name)).toContain(pool),
  ).toPass({ timeout: 60_000 });
  expect(await taskStatus(lb, id)).toBe('processing');
  killReplica(runner);
  const killedAt = Date.now();

  const end = await taskEnd(lb, id);
  process.stdout.write(
    `node pool task ${id}: ${runner} killed; ${end.status} ${Math.round(
      (Date.now() - killedAt) / 1000,
    )} s later\n${end.log.join('\n')}\n`,
  );
  expect(end.log.some((l: string) => l.startsWith('recovered'))).toBe(true);
  expect(end.status).toBe('completed');
  expect(poolsInKube(kind, cluster).filter(p => p.name === pool)).toEqual([
    expect.objectContaining({ replicas: 4 }),
  ]);
  restartReplica(runner);
  removePool(kind, cluster, pool);
  await lb.dispose();
});

test('a namespace create killed with its replica right after its POST ends with one namespace', async ({
  browser,
}) => {
  alice ??= await signedInPage(browser, 'alice');
  const lb = await apiOf(
    process.env.PLAYWRIGHT_URL ?? 'http://localhost:29000',
    await tokenOf(alice!),
  );
  const namespace = uniqueName('kill-ns').slice(0, 40);
  try {
    const id = await startTask(lb, 'vsphere-supervisor-namespace', {
      name: namespace,
      description: 'killed mid-task',
      owner: 'group:default/team-a',
      vcenter: 'testenv',
      storagePolicy: 'k8s-gold',
      storagePolicyLimit: '10Gi',
      vmClasses: ['best-effort-small'],
      contentLibraries: ['tkg-images'],
      memoryLimit: '8Gi',
    });
    const runner = await runnerOf(id);
    // kill as soon as vCenter has the namespace: the POST went through
    await expect(async () =>
      expect(govc('namespace.ls')).toContain(namespace),
    ).toPass({ timeout: 60_000, intervals: [100] });
    const wasRunning = (await taskStatus(lb, id)) === 'processing';
    killReplica(runner);
    const end = await taskEnd(lb, id);
    process.stdout.write(
      `namespace task ${id}: ${runner} killed (task ${
        wasRunning ? 'still running' : 'already finished'
      }); ${end.status}\n${end.log.join('\n')}\n`,
    );
    expect(end.log.some((l: string) => l.startsWith('recovered'))).toBe(true);
    expect(end.status).toBe('completed');
    // the catalog module's delta (an event published by whichever replica ran the task) reaches the
    // catalog; when the killed replica had claimed the new entity for processing, the catalog
    // processes it again only after its processing interval (100-150 s by default)
    await expect(async () => {
      const entity = await lb.get(
        `/api/catalog/entities/by-name/resource/default/${namespace}`,
      );
      expect(entity.status()).toBe(200);
    }).toPass({ timeout: 160_000, intervals: [1_000] });
    expect(
      govc('namespace.ls')
        .split('\n')
        .filter(n => n.trim() === namespace),
    ).toHaveLength(1);
    expect(govc('namespace.info', namespace)).toMatch(/Status:\s+RUNNING/);
    restartReplica(runner);
  } finally {
    tryRun(() => govc('namespace.rm', namespace));
    await lb.dispose();
  }
});
