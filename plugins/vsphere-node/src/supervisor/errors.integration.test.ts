import fs from 'node:fs';
import { testenvSupervisorClient } from './__testUtils__/testenvSupervisor';
import { SupervisorClient } from './SupervisorClient';

jest.setTimeout(60_000);

describe('SupervisorClient against the testenv: failures', () => {
  const clients: SupervisorClient[] = [];
  const make = (...args: Parameters<typeof testenvSupervisorClient>) => {
    const made = testenvSupervisorClient(...args);
    clients.push(made.client);
    return made;
  };

  afterAll(() => clients.forEach(c => c.close()));

  it('names an invalid or revoked token as such, without the token', async () => {
    const garbage = 'eyJhbGciOiJSUzI1NiJ9.garbage.token-value-42';
    const { client } = make({ tokenFile: undefined, token: garbage });

    const error = await client.listVirtualMachines('demo').catch(e => e);

    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      "Supervisor 'supervisor' rejected the portal's service account token (401): it may be revoked or expired; an administrator of the portal must replace it",
    );
    expect(JSON.stringify(error)).not.toContain('token-value-42');
    expect(String(error.stack)).not.toContain('token-value-42');
  });

  it('names an object that does not exist', async () => {
    const { client } = make();
    await expect(
      client.getVirtualMachine('demo', 'no-such-vm'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        "VirtualMachine 'no-such-vm' in namespace 'demo' was not found on Supervisor 'supervisor'",
    });
    await expect(
      client.getWorkloadCluster('demo', 'no-such-cluster'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        "Cluster 'no-such-cluster' in namespace 'demo' was not found on Supervisor 'supervisor'",
    });
    await expect(
      client.scaleNodePool('demo', 'demo-cluster', 'no-such-pool', 2),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('lets the read-only token read but names the denied write', async () => {
    const { env } = make();
    const { client } = make({ tokenFile: env.supervisor.readonlyTokenFile });

    await expect(client.listVirtualMachines('demo')).resolves.not.toHaveLength(
      0,
    );
    const error = await client
      .applyVirtualMachine({
        name: 'denied-vm',
        namespace: 'demo',
        className: 'best-effort-small',
        imageName: 'ubuntu-2204-kube-v1.33',
      })
      .catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      "Supervisor 'supervisor' does not allow the portal's service account to patch VirtualMachine 'denied-vm' in namespace 'demo' (403); an administrator of the Supervisor must grant it",
    );
    expect(error.message).not.toContain('backstage-vsphere-readonly');

    await expect(
      client.scaleNodePool('demo', 'demo-cluster', 'np-small', 5),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        "does not allow the portal's service account to patch Cluster 'demo-cluster' in namespace 'demo' (403)",
      ),
    });
    // Nothing changed.
    const demo = await client.getWorkloadCluster('demo', 'demo-cluster');
    expect(
      demo.nodePools.find(p => p.name === 'np-small')?.desiredReplicas,
    ).not.toBe(5);
  });

  it('names a TLS verification failure when the CA is wrong', async () => {
    const { env } = make();
    // The simulator's CA did not sign the Kubernetes API's certificate.
    const { client } = make({
      caData: fs.readFileSync(env.vcenter.caFile, 'utf8'),
    });
    await expect(client.listNamespaces()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^TLS verification of Supervisor 'supervisor' at https:\/\/.+ failed \([A-Z_]+\): check its CA \(caData or caFile\)$/,
      ),
    });
  });

  it('names an unreachable Supervisor within the deadline', async () => {
    const { client } = make(
      { url: 'https://127.0.0.1:1' },
      { requestTimeoutMs: 2000 },
    );
    const started = Date.now();
    await expect(client.listNamespaces()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        "Supervisor 'supervisor' at https://127.0.0.1:1",
      ),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
