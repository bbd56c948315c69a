import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readVsphereConfig } from '../config';
import {
  TestenvInfo,
  loadTestenv,
  testenvGovc,
  testenvPid,
  testenvVsphereConfig,
} from '../testUtils';
import {
  CLUSTER_SPEC,
  DATASTORE_SPEC,
  HOST_SPEC,
  VM_SPEC,
  toNameMap,
  toVm,
} from './inventory';
import { MoRef } from './soapXml';
import { SoapSession } from './SoapSession';
import { VCenterClient } from './VCenterClient';
import { VCenterObjectChange, VCenterWatch } from './VCenterWatch';

// One simulator, stopped and resumed by one test: the tests of this file run one after another.
// The simulator answers WaitForUpdatesEx by collecting the whole filter again for every change
// anywhere in it (tasks, events, the reconciler's VMs): at 1,000 VMs one govc power-off takes it
// several seconds to report. So the tests that time changes watch a folder of their own, and
// one test syncs the root folder in full.
const env: TestenvInfo = loadTestenv();
const stateDir = path.dirname(path.dirname(env.vcenter.caFile));
const MAX_WAIT_SECONDS = 2;
jest.setTimeout(60_000);

/** The testenv's govc against the simulator: a client other than ours. */
async function govc(...args: string[]): Promise<string> {
  return testenvGovc(env, ...args).trim();
}

const createVm = (name: string, on: boolean, folder: string) =>
  govc(
    'vm.create',
    `-on=${on}`,
    `-folder=/Datacenter/vm/${folder}`,
    '-pool=/Datacenter/host/Compute-Cluster/Resources',
    '-ds=nfs-shared-01',
    '-net=VM Network',
    name,
  );

/** The simulator's own pid, as `testenv up` recorded it. */
function simulatorPid(): number {
  const pid = testenvPid(env, 'vcsim');
  expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain(
    path.join(stateDir, 'bin', 'vcsim'),
  );
  return pid;
}

interface Started {
  watch: VCenterWatch;
  changes: Array<{ at: number; change: VCenterObjectChange }>;
  /** SOAP operations this client sent, in order. */
  sent: string[];
}

// Counts what our clients send (not govc's requests, which the simulator records too).
const sent: string[] = [];
const realCall = SoapSession.prototype.call;
beforeAll(() => {
  jest
    .spyOn(SoapSession.prototype, 'call')
    .mockImplementation(function call(this: SoapSession, soapCall) {
      sent.push(soapCall.operation);
      return realCall.call(this, soapCall);
    });
});

const clients: VCenterClient[] = [];
const watches: VCenterWatch[] = [];
const vmNames: string[] = [];
const folders: string[] = [];

/** A new, empty VM folder, with its moref. */
async function createFolder(): Promise<{ name: string; ref: MoRef }> {
  const name = `watch-it-${randomBytes(3).toString('hex')}`;
  await govc('folder.create', `/Datacenter/vm/${name}`);
  folders.push(name);
  // e.g. Folder:group-88
  const [type, value] = (
    await govc('find', '-i', '/Datacenter/vm', '-type', 'f', '-name', name)
  ).split(':');
  return { name, ref: { type, value } };
}

async function startWatch(container?: MoRef): Promise<Started> {
  const [config] = readVsphereConfig(
    new ConfigReader({ vsphere: testenvVsphereConfig(env) }),
  );
  const client = VCenterClient.create(config, {
    logger: mockServices.logger.mock(),
  });
  clients.push(client);
  const changes: Started['changes'] = [];
  const watch = client.watchInventory({
    specs: [VM_SPEC, HOST_SPEC, DATASTORE_SPEC, CLUSTER_SPEC],
    container,
    maxWaitSeconds: MAX_WAIT_SECONDS,
    onChange: batch =>
      changes.push(...batch.map(change => ({ at: Date.now(), change }))),
  });
  watches.push(watch);
  await watch.start();
  return { watch, changes, sent };
}

afterEach(async () => {
  await Promise.all(watches.splice(0).map(w => w.stop()));
  await Promise.all(clients.splice(0).map(c => c.close()));
  for (const name of vmNames.splice(0)) {
    await govc('vm.destroy', name).catch(() => undefined);
  }
  for (const name of folders.splice(0)) {
    await govc('object.destroy', `/Datacenter/vm/${name}`).catch(
      () => undefined,
    );
  }
});

afterAll(() => jest.restoreAllMocks());

async function until<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}

function vmNamed(watch: VCenterWatch, name: string) {
  return [...watch.objects('VirtualMachine').values()].find(
    o => toVm(o, new Map()).name === name,
  );
}

function changeOf(
  started: Started,
  kind: VCenterObjectChange['kind'],
  moref: string,
  after = 0,
) {
  return started.changes.find(
    c =>
      c.at >= after && c.change.kind === kind && c.change.ref.value === moref,
  );
}

describe('VCenterWatch against the vSphere simulator', () => {
  it('syncs the whole inventory below the root folder into objects() that toVm maps', async () => {
    const started = await startWatch();
    const { watch } = started;
    const vms = [...watch.objects('VirtualMachine').values()];
    expect(vms.length).toBeGreaterThanOrEqual(env.vcenter.vmCount);
    expect(watch.objects('HostSystem').size).toBeGreaterThan(0);
    expect(watch.objects('Datastore').size).toBeGreaterThan(0);
    expect(watch.objects('ClusterComputeResource').size).toBeGreaterThan(0);
    expect(watch.health.status()).toMatchObject({
      source: `vcenter:${env.vcenter.name}`,
      state: 'live',
    });
    // the first sync is reported as one batch of enters
    expect(started.changes.length).toBeGreaterThanOrEqual(vms.length);
    expect(started.changes.every(c => c.change.kind === 'enter')).toBe(true);
    const names = toNameMap([
      ...watch.objects('HostSystem').values(),
      ...watch.objects('Datastore').values(),
    ]);
    const mapped = vms.map(o => toVm(o, names));
    expect(mapped.filter(v => v.hostName && v.datastoreNames)).toHaveLength(
      vms.length,
    );
    expect(new Set(mapped.map(v => v.powerState))).toContain('poweredOn');
  });

  it('shows a VM powered off with govc within 2 s, without a re-read', async () => {
    const folder = await createFolder();
    const name = `watch-it-${randomBytes(3).toString('hex')}`;
    vmNames.push(name);
    await createVm(name, true, folder.name);
    const started = await startWatch(folder.ref);
    const { watch } = started;
    const vm = vmNamed(watch, name)!;
    expect(toVm(vm, new Map())).toMatchObject({
      name,
      powerState: 'poweredOn',
    });

    const before = sent.length;
    await govc('vm.power', '-off', '-force', name);
    const poweredOffAt = Date.now();
    const change = await until(
      'the power-off notice',
      () => changeOf(started, 'modify', vm.ref.value),
      2000,
    );
    expect(change.at - poweredOffAt).toBeLessThan(2000);
    expect(
      toVm(watch.objects('VirtualMachine').get(vm.ref.value)!, new Map()),
    ).toMatchObject({ name, powerState: 'poweredOff' });
    // only long-polls: no view, no filter, no property read
    expect(new Set(sent.slice(before))).toEqual(new Set(['WaitForUpdatesEx']));
  });

  it('reports a VM created and destroyed with govc as enter and leave', async () => {
    const folder = await createFolder();
    const started = await startWatch(folder.ref);
    const { watch } = started;
    const name = `watch-it-${randomBytes(3).toString('hex')}`;
    vmNames.push(name);
    const createdAt = Date.now();
    await createVm(name, false, folder.name);
    const vm = await until('the new VM', () => vmNamed(watch, name), 2000);
    expect(changeOf(started, 'enter', vm.ref.value, createdAt)).toBeDefined();
    expect(toVm(vm, new Map()).powerState).toBe('poweredOff');

    const destroyedAt = Date.now();
    await govc('vm.destroy', name);
    await until(
      'the leave notice',
      () => changeOf(started, 'leave', vm.ref.value, destroyedAt),
      2000,
    );
    expect(watch.objects('VirtualMachine').has(vm.ref.value)).toBe(false);
  });

  it('turns stale within the deadline when the simulator hangs (SIGSTOP) and live again after SIGCONT', async () => {
    const folder = await createFolder();
    const first = `watch-it-${randomBytes(3).toString('hex')}`;
    vmNames.push(first);
    await createVm(first, false, folder.name);
    const started = await startWatch(folder.ref);
    const { watch } = started;
    const deadlineMs = watch.health.deadlineMs;
    expect(deadlineMs).toBe(MAX_WAIT_SECONDS * 1000 + 5000);
    const vmCount = watch.objects('VirtualMachine').size;

    const pid = simulatorPid();
    process.kill(pid, 'SIGSTOP');
    let stoppedFor: number;
    try {
      const stoppedAt = Date.now();
      const stale = await until(
        'stale',
        () => {
          const status = watch.health.status();
          return status.state === 'stale' && status;
        },
        deadlineMs + 1000,
      );
      stoppedFor = Date.now() - stoppedAt;
      expect(stoppedFor).toBeLessThanOrEqual(deadlineMs + 100);
      // the deadline passing, or the long-poll timing out, whichever comes first
      expect(stale.reason).toMatch(
        /no update or keep-alive for \d+ s|did not answer within \d+ ms while trying to wait for inventory updates/,
      );
      // the data stays, marked stale
      expect(watch.objects('VirtualMachine').size).toBe(vmCount);
    } finally {
      process.kill(pid, 'SIGCONT');
    }

    await until(
      'live again',
      () => watch.health.status().state === 'live',
      30_000,
    );
    // new changes flow through the same watch
    const name = `watch-it-${randomBytes(3).toString('hex')}`;
    vmNames.push(name);
    await createVm(name, false, folder.name);
    await until(
      'the VM created after SIGCONT',
      () => vmNamed(watch, name),
      5000,
    );
    expect(watch.health.status().state).toBe('live');
  });
});
