import fs from 'node:fs';
import https from 'node:https';
import { InputError } from '@backstage/errors';
import { SupervisorClient } from './SupervisorClient';
import {
  testenvSupervisorClient,
  uniqueName,
} from './__testUtils__/testenvSupervisor';

jest.setTimeout(60_000);

/** `GET <path>` on a testenv API server with the plugin's token, as JSON. */
function getJson(
  url: string,
  caFile: string,
  tokenFile: string,
  path: string,
): Promise<any> {
  return new Promise((resolve, reject) => {
    https
      .get(
        new URL(path, url),
        {
          ca: fs.readFileSync(caFile),
          headers: {
            authorization: `Bearer ${fs
              .readFileSync(tokenFile, 'utf8')
              .trim()}`,
          },
        },
        res => {
          let body = '';
          res.on('data', chunk => (body += chunk));
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(JSON.parse(body))
              : reject(new Error(`GET ${path}: ${res.statusCode} ${body}`)),
          );
        },
      )
      .on('error', reject);
  });
}

// The second Supervisor serves VM Operator v1alpha6 only (TESTENV_SUPERVISOR2_VMOP_VERSIONS), as a
// VCF 9 Supervisor does: every read and write below must speak v1alpha6 or fail.
describe('SupervisorClient against a Supervisor serving only VM Operator v1alpha6', () => {
  let client: SupervisorClient;
  let env: ReturnType<typeof testenvSupervisorClient>['env'];
  const created: string[] = [];

  beforeAll(() => {
    const loaded = testenvSupervisorClient();
    loaded.client.close();
    env = loaded.env;
    client = testenvSupervisorClient({
      name: 'supervisor2',
      cluster: env.supervisor2.cluster,
      url: env.supervisor2.url,
      caData: fs.readFileSync(env.supervisor2.caFile, 'utf8'),
      tokenFile: env.supervisor2.tokenFile,
    }).client;
  });

  afterAll(async () => {
    await Promise.all(
      created.map(name =>
        client.deleteVirtualMachine('team-b', name).catch(() => {}),
      ),
    );
    client?.close();
  });

  it('is served v1alpha6 and nothing older, and the client chooses it', async () => {
    const group = await getJson(
      env.supervisor2.url,
      env.supervisor2.caFile,
      env.supervisor2.tokenFile,
      '/apis/vmoperator.vmware.com',
    );
    expect(group.versions.map((v: { version: string }) => v.version)).toEqual([
      'v1alpha6',
    ]);
    await expect(client.apiVersions()).resolves.toMatchObject({
      vmOperator: 'v1alpha6',
    });
  });

  it('reads the seeded VM, its class and its image through v1alpha6', async () => {
    await expect(
      client.getVirtualMachine('team-b', 'team-b-app-01'),
    ).resolves.toMatchObject({
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      storageClass: 'k8s-gold',
      powerState: 'PoweredOn',
      // given by the second Supervisor's reconciler, as VM Operator would
      primaryIP4: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
    });
    const classes = await client.listVirtualMachineClasses('team-b');
    expect(classes.map(c => [c.name, c.cpus, c.memory])).toEqual([
      ['best-effort-small', 2, '4Gi'],
    ]);
    const images = await client.listVirtualMachineImages('team-b');
    // team-b's content library, as the second Supervisor's reconciler publishes it
    expect(images.map(i => [i.kind, i.displayName])).toEqual([
      ['VirtualMachineImage', 'photon-5-kube-v1.32'],
      ['VirtualMachineImage', 'ubuntu-2204-kube-v1.33'],
    ]);
  });

  it('creates a v1alpha6 VM sized apart from its class and reads the size back', async () => {
    const name = uniqueName('v1alpha6-vm');
    created.push(name);
    const vm = await client.applyVirtualMachine({
      name,
      namespace: 'team-b',
      className: 'best-effort-small',
      imageName: 'ubuntu-2204-kube-v1.33',
      imageKind: 'VirtualMachineImage',
      storageClass: 'k8s-gold',
      powerState: 'PoweredOff',
      size: { cpus: 4, memory: '6Gi' },
    });
    expect(vm).toMatchObject({
      name,
      className: 'best-effort-small',
      size: { cpus: 4, memory: '6Gi' },
    });
    const stored = await client.get('VirtualMachine', name, {
      namespace: 'team-b',
    });
    expect(stored.apiVersion).toBe('vmoperator.vmware.com/v1alpha6');
    expect(stored.spec).toMatchObject({
      image: { kind: 'VirtualMachineImage', name: 'ubuntu-2204-kube-v1.33' },
      resources: { size: { cpu: 4, memory: '6Gi' } },
    });
    const listed = await client.listVirtualMachines('team-b');
    expect(listed.find(v => v.name === name)?.size).toEqual({
      cpus: 4,
      memory: '6Gi',
    });
  });
});

describe('a per-VM size on a Supervisor that is used through v1alpha5', () => {
  it('is refused before anything is written, naming the field and the version', async () => {
    const { client } = testenvSupervisorClient(
      {},
      { versions: { vmOperator: ['v1alpha5'] } },
    );
    const name = uniqueName('v1alpha5-sized');
    try {
      const attempt = client.applyVirtualMachine({
        name,
        namespace: 'demo',
        className: 'best-effort-small',
        imageName: 'ubuntu-2204-kube-v1.33',
        size: { cpus: 4 },
      });
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(
        'size: a VM sized apart from its class (spec.resources.size) needs VM Operator v1alpha6 or later; this Supervisor serves v1alpha5',
      );
      await expect(client.getVirtualMachine('demo', name)).rejects.toThrow(
        /not found/i,
      );
    } finally {
      client.close();
    }
  });
});
