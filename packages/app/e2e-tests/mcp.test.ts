import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { guestToken } from './signIn';
import { teamAWorkers } from './testenvCli';

// A real MCP client on the portal's mcp-actions endpoint, authenticated the two ways the plugin
// documents: a user's Backstage token (what its OAuth flow gives an agent; here the guest's) and
// a static external-access token from the config (scripts/testenv-app-config.js writes it).
const backendUrl = process.env.PORTAL_BACKEND_URL ?? 'http://localhost:7007';
const staticToken = () =>
  fs
    .readFileSync(
      path.resolve(__dirname, '../../../.testenv/mcp-token'),
      'utf8',
    )
    .trim();

async function connect(token: string) {
  const client = new Client({ name: 'vsphere-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${backendUrl}/api/mcp-actions/v1`),
      {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      },
    ),
  );
  return client;
}

type ToolResult = { isError?: boolean; content: Array<{ text: string }> };
const textOf = (result: unknown) =>
  (result as ToolResult).content.map(c => c.text).join('\n');

/** Asks the MCP tool to scale team-a's `workers` pool, which neither caller may do. */
const scaleTeamAWorkers = (client: Client, replicas: number) =>
  client.callTool({
    name: 'vsphere.scale-node-pool',
    arguments: {
      entityRef: 'resource:default/team-a',
      cluster: 'team-a-tkc',
      nodePool: 'workers',
      replicas,
    },
  });

test('an MCP client lists the vSphere tools, reads a namespace and is refused a change it may not make', async () => {
  const client = await connect(await guestToken(backendUrl));
  try {
    const { tools } = await client.listTools();
    const ours = tools.filter(t => t.name.startsWith('vsphere.'));
    expect(
      Object.fromEntries(ours.map(t => [t.name, t.annotations?.readOnlyHint])),
    ).toEqual({
      'vsphere.get-entity-overview': true,
      'vsphere.list-namespace-resources': true,
      'vsphere.get-namespace-quota': true,
      'vsphere.list-picker-options': true,
      'vsphere.scale-node-pool': false,
      'vsphere.power-vm': false,
    });

    const listed = await client.callTool({
      name: 'vsphere.list-namespace-resources',
      arguments: { namespace: 'demo' },
    });
    expect((listed as ToolResult).isError, textOf(listed)).toBeFalsy();
    const demo = JSON.parse(textOf(listed));
    expect(demo.entityRef).toBe('resource:default/demo');
    expect(demo.clusters.map((c: { name: string }) => c.name)).toContain(
      'demo-cluster',
    );
    expect(
      demo.vms.find((v: { name: string }) => v.name === 'demo-web-01'),
    ).toMatchObject({ powerState: expect.any(String), clusterNode: false });

    // the demo policy lets owners scale; team-a, not the guest, owns team-a-tkc
    const before = teamAWorkers();
    const denied = await scaleTeamAWorkers(client, before + 1);
    expect((denied as ToolResult).isError).toBe(true);
    expect(textOf(denied)).toBe(
      "NotAllowedError: Not allowed to scale node pool 'workers' of cluster 'team-a-tkc': the permission policy denies 'vsphere.nodepool.scale' on resource:default/team-a.cluster.team-a-tkc",
    );
    expect(teamAWorkers()).toBe(before);
  } finally {
    await client.close();
  }
});

test('a static-token MCP client reads, but changes need a signed-in user', async () => {
  const client = await connect(staticToken());
  try {
    const quota = await client.callTool({
      name: 'vsphere.get-namespace-quota',
      arguments: { namespace: 'demo' },
    });
    expect((quota as ToolResult).isError, textOf(quota)).toBeFalsy();
    expect(JSON.parse(textOf(quota))).toMatchObject({
      namespace: 'demo',
      quota: { cpu: { unit: 'MHz' }, memory: { unit: 'MiB' } },
    });

    const before = teamAWorkers();
    const refused = await scaleTeamAWorkers(client, before + 1);
    expect((refused as ToolResult).isError).toBe(true);
    expect(textOf(refused)).toBe(
      "NotAllowedError: Not allowed to scale node pool 'workers' of cluster 'team-a-tkc': changes need a signed-in user's credentials, so that the permission policy decides on the user",
    );
    expect(teamAWorkers()).toBe(before);
  } finally {
    await client.close();
  }
});
