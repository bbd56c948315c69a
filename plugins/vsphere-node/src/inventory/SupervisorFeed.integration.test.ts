import fs from 'node:fs';
import { mockServices } from '@backstage/backend-test-utils';
import { SupervisorClient } from '../supervisor/SupervisorClient';
import { loadTestenv, testenvKubectl } from '../testUtils';
import { SupervisorFeed } from './SupervisorFeed';

jest.setTimeout(60_000);

const env = loadTestenv();
const ACCOUNT = 'it-no-limitranges';
const SYSTEM_NS = 'backstage-vsphere-system';

// a Supervisor account from before LimitRanges were shown: it may read everything else
const manifest = `
apiVersion: v1
kind: ServiceAccount
metadata: { name: ${ACCOUNT}, namespace: ${SYSTEM_NS} }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: ${ACCOUNT} }
rules:
  - apiGroups: [vmoperator.vmware.com]
    resources: [virtualmachines]
    verbs: [get, list, watch]
  - apiGroups: [cluster.x-k8s.io]
    resources: [clusters, machinedeployments, machines]
    verbs: [get, list, watch]
  - apiGroups: [run.tanzu.vmware.com]
    resources: [tanzukubernetesclusters]
    verbs: [get, list, watch]
  - apiGroups: ['']
    resources: [namespaces, resourcequotas, events]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ${ACCOUNT} }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${ACCOUNT} }
subjects: [{ kind: ServiceAccount, name: ${ACCOUNT}, namespace: ${SYSTEM_NS} }]
`;

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync('/tmp/feed-it-');
  fs.writeFileSync(`${dir}/rbac.yaml`, manifest);
  testenvKubectl(env, 'apply', '-f', `${dir}/rbac.yaml`);
  const token = testenvKubectl(
    env,
    'create',
    'token',
    ACCOUNT,
    '-n',
    SYSTEM_NS,
  ).trim();
  fs.writeFileSync(`${dir}/token`, token, { mode: 0o600 });
});

afterAll(() => {
  testenvKubectl(env, 'delete', '--ignore-not-found', '-f', `${dir}/rbac.yaml`);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SupervisorFeed against the testenv', () => {
  it('leaves out LimitRanges its account may not read, and stays live with the rest', async () => {
    const logger = mockServices.logger.mock();
    const client = SupervisorClient.create(
      {
        name: 'supervisor',
        cluster: env.vcenter.wcpClusterId,
        url: env.supervisor.url,
        caData: fs.readFileSync(env.supervisor.caFile, 'utf8'),
        skipTLSVerify: false,
        tokenFile: `${dir}/token`,
      },
      { logger },
    );
    const feed = new SupervisorFeed(client, 'supervisor:testenv/supervisor', {
      deadlineMs: 10_000,
      logger,
      onChange: () => {},
    });
    try {
      await feed.start();
      expect(feed.health.status().state).toBe('live');
      expect(feed.objects('VirtualMachine', 'demo').length).toBeGreaterThan(0);
      expect(feed.objects('LimitRange', 'demo')).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /LimitRange objects are left out: .*\(403\); an administrator of the Supervisor must grant it/,
        ),
      );
    } finally {
      await feed.stop();
    }
  });
});
