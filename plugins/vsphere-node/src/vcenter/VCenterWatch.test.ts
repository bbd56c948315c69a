import { InputError } from '@backstage/errors';
import { XMLParser } from 'fast-xml-parser';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { NAME_SPECS, VM_SPEC, toNameMap, toVm } from './inventory';
import { SoapSession } from './SoapSession';
import { VCenterObjectChange, VCenterWatch } from './VCenterWatch';
import { STUB_URL, stubHttp } from './__testUtils__/stubConfig';

const server = setupServer();
const watches: VCenterWatch[] = [];
// as registerMswTestHooks, but the watches stop (and clean up) before the handlers go
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await Promise.all(watches.splice(0).map(w => w.stop()));
  server.resetHandlers();
});
afterAll(() => server.close());

const requestParser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
});

const soap = (body: string) =>
  HttpResponse.text(
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`,
    { status: body.includes('Fault>') ? 500 : 200 },
  );

const fault = (type: string, message = '') =>
  `<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>${message}</faultstring><detail><${type}Fault xmlns="urn:vim25" xsi:type="${type}"></${type}Fault></detail></soapenv:Fault>`;

/** `<changeSet>`s of an assign per property; a value of `undefined` is sent without `val`. */
function changes(props: Record<string, string | undefined>, op = 'assign') {
  return Object.entries(props)
    .map(
      ([name, val]) =>
        `<changeSet><name>${name}</name><op>${op}</op>${
          val === undefined ? '' : `<val xsi:type="xsd:string">${val}</val>`
        }</changeSet>`,
    )
    .join('');
}

const vmEnter = (n: number, power = 'poweredOn') =>
  `<objectSet><kind>enter</kind><obj type="VirtualMachine">vm-${n}</obj>${changes(
    {
      name: `vm ${n}`,
      'runtime.powerState': power,
      'guest.ipAddress': `10.0.0.${n}`,
    },
  )}<changeSet><name>runtime.host</name><op>assign</op><val type="HostSystem" xsi:type="ManagedObjectReference">host-1</val></changeSet><changeSet><name>datastore</name><op>assign</op><val xsi:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="Datastore">ds-1</ManagedObjectReference></val></changeSet></objectSet>`;

const hostEnter = `<objectSet><kind>enter</kind><obj type="HostSystem">host-1</obj>${changes(
  { name: 'esx-1' },
)}</objectSet>`;

/** One WaitForUpdatesEx answer: an UpdateSet, or an empty one (the keep-alive). */
function updateSet(
  version: string,
  objectSets: string[],
  truncated = false,
): string {
  return `<WaitForUpdatesExResponse><returnval><version>${version}</version><filterSet><filter type="PropertyFilter">filter-1</filter>${objectSets.join(
    '',
  )}</filterSet>${
    truncated ? '<truncated>true</truncated>' : ''
  }</returnval></WaitForUpdatesExResponse>`;
}
const keepAlive = '<WaitForUpdatesExResponse></WaitForUpdatesExResponse>';

interface Sent {
  operation: string;
  target: string;
  args: any;
  session?: string;
}

/**
 * A vCenter whose WaitForUpdatesEx answers come from a script: each push is one answer; with
 * none queued a wait hangs until something is pushed or CancelWaitForUpdates ends it.
 */
function stubVcenter() {
  const sent: Sent[] = [];
  let sessions = 0;
  let live: string | undefined;
  let collectors = 0;
  const answers: string[] = [];
  let wake: (() => void) | undefined;
  let failCreate = 0;

  const answered = () =>
    new Promise<void>(resolve => {
      wake = resolve;
    });
  const nextAnswer = async (): Promise<string> => {
    while (answers.length === 0) {
      await answered();
    }
    return answers.shift()!;
  };

  server.use(
    http.post(`${STUB_URL}/sdk`, async ({ request }) => {
      const body = requestParser.parse(await request.text()).Envelope.Body;
      const [operation] = Object.keys(body);
      const args = body[operation];
      const cookie = request.headers.get('cookie') ?? '';
      const session = /vmware_soap_session="([^"]+)"/.exec(cookie)?.[1];
      sent.push({ operation, target: args._this?.['#text'], args, session });
      if (operation === 'RetrieveServiceContent') {
        return soap(
          `<RetrieveServiceContentResponse><returnval><rootFolder type="Folder">group-d1</rootFolder><propertyCollector type="PropertyCollector">propertyCollector</propertyCollector><viewManager type="ViewManager">ViewManager</viewManager><sessionManager type="SessionManager">SessionManager</sessionManager></returnval></RetrieveServiceContentResponse>`,
        );
      }
      if (operation === 'Login') {
        live = `s${++sessions}`;
        return new HttpResponse(
          `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><LoginResponse><returnval><key>k</key></returnval></LoginResponse></soapenv:Body></soapenv:Envelope>`,
          {
            headers: {
              'set-cookie': `vmware_soap_session="${live}"; Path=/; HttpOnly`,
            },
          },
        );
      }
      if (!live || session !== live) {
        return soap(fault('NotAuthenticated'));
      }
      switch (operation) {
        case 'CreatePropertyCollector':
          if (failCreate > 0) {
            failCreate--;
            return soap(fault('SystemError', 'collector service down'));
          }
          return soap(
            `<CreatePropertyCollectorResponse><returnval type="PropertyCollector">session[${live}]pc-${++collectors}</returnval></CreatePropertyCollectorResponse>`,
          );
        case 'CreateContainerView':
          return soap(
            `<CreateContainerViewResponse><returnval type="ContainerView">session[${live}]view</returnval></CreateContainerViewResponse>`,
          );
        case 'CreateFilter':
          return soap(
            `<CreateFilterResponse><returnval type="PropertyFilter">session[${live}]filter</returnval></CreateFilterResponse>`,
          );
        case 'WaitForUpdatesEx': {
          const answer = await nextAnswer();
          if (answer === 'drop session') {
            live = undefined;
            return soap(fault('NotAuthenticated'));
          }
          return soap(answer);
        }
        case 'CancelWaitForUpdates':
          answers.push(fault('RequestCanceled'));
          wake?.();
          return soap(
            '<CancelWaitForUpdatesResponse></CancelWaitForUpdatesResponse>',
          );
        case 'DestroyPropertyFilter':
        case 'DestroyView':
        case 'DestroyPropertyCollector':
          return soap(`<${operation}Response></${operation}Response>`);
        default:
          return soap(fault('MethodNotFound', `unexpected ${operation}`));
      }
    }),
  );
  return {
    sent,
    sessions: () => sessions,
    ops: () => sent.map(s => s.operation),
    versions: () =>
      sent
        .filter(s => s.operation === 'WaitForUpdatesEx')
        .map(s => String(s.args.version ?? '')),
    /** Queues WaitForUpdatesEx answers. */
    answer: (...bodies: string[]) => {
      answers.push(...bodies);
      wake?.();
    },
    failCreates: (n: number) => {
      failCreate = n;
    },
  };
}

function watch(
  onChange?: (changes: VCenterObjectChange[]) => void,
  maxWaitSeconds?: number,
) {
  const { config, logger, http: transport } = stubHttp();
  const session = new SoapSession(transport, config, logger);
  const created = new VCenterWatch(session, logger, config.name, 2000, {
    specs: [VM_SPEC, ...NAME_SPECS],
    maxWaitSeconds,
    onChange,
  });
  watches.push(created);
  return created;
}

async function until(check: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('VCenterWatch', () => {
  it('syncs in full through truncated answers, then follows modify and leave by version', async () => {
    const vc = stubVcenter();
    const seen: VCenterObjectChange[][] = [];
    const w = watch(c => seen.push(c));
    vc.answer(
      updateSet('1', [vmEnter(1), vmEnter(2)], true),
      updateSet('2', [vmEnter(3), hostEnter]),
    );
    await w.start();

    // a private collector, a view of the requested types and one filter on that collector
    expect(vc.ops().slice(0, 5)).toEqual([
      'RetrieveServiceContent',
      'Login',
      'CreatePropertyCollector',
      'CreateContainerView',
      'CreateFilter',
    ]);
    const view = vc.sent.find(s => s.operation === 'CreateContainerView')!;
    expect(view.args.container['#text']).toBe('group-d1');
    expect(view.args.type).toEqual([
      'VirtualMachine',
      'HostSystem',
      'Datastore',
    ]);
    const filter = vc.sent.find(s => s.operation === 'CreateFilter')!;
    expect(filter.target).toBe('session[s1]pc-1');
    expect(filter.args.partialUpdates).toBe(false);
    expect(filter.args.spec.objectSet.obj['#text']).toBe('session[s1]view');
    const waits = vc.sent.filter(s => s.operation === 'WaitForUpdatesEx');
    expect(waits.every(s => s.target === 'session[s1]pc-1')).toBe(true);
    expect(waits[0].args.options).toEqual({
      maxWaitSeconds: 5,
      maxObjectUpdates: 100,
    });

    // one notice for the whole sync, after its last page
    expect(seen).toEqual([
      [
        { kind: 'enter', ref: { type: 'VirtualMachine', value: 'vm-1' } },
        { kind: 'enter', ref: { type: 'VirtualMachine', value: 'vm-2' } },
        { kind: 'enter', ref: { type: 'VirtualMachine', value: 'vm-3' } },
        { kind: 'enter', ref: { type: 'HostSystem', value: 'host-1' } },
      ],
    ]);
    expect([...w.objects('VirtualMachine').keys()]).toEqual([
      'vm-1',
      'vm-2',
      'vm-3',
    ]);
    const names = toNameMap([...w.objects('HostSystem').values()]);
    expect(toVm(w.objects('VirtualMachine').get('vm-1')!, names)).toEqual({
      moref: 'vm-1',
      name: 'vm 1',
      powerState: 'poweredOn',
      ipAddress: '10.0.0.1',
      host: 'host-1',
      hostName: 'esx-1',
      datastores: ['ds-1'],
    });
    expect(w.health.status().state).toBe('live');

    // powered off, IP unset, datastores removed, a property not asked for ignored; vm-2 deleted
    vc.answer(
      updateSet('3', [
        `<objectSet><kind>modify</kind><obj type="VirtualMachine">vm-1</obj>${changes(
          {
            'runtime.powerState': 'poweredOff',
            'guest.ipAddress': undefined,
            'config.annotation': 'not asked for',
          },
        )}${changes({ datastore: undefined }, 'remove')}</objectSet>`,
        '<objectSet><kind>leave</kind><obj type="VirtualMachine">vm-2</obj></objectSet>',
      ]),
    );
    await until(() => seen.length === 2);
    expect(seen[1]).toEqual([
      { kind: 'modify', ref: { type: 'VirtualMachine', value: 'vm-1' } },
      { kind: 'leave', ref: { type: 'VirtualMachine', value: 'vm-2' } },
    ]);
    const vm1 = w.objects('VirtualMachine').get('vm-1')!;
    expect(Object.keys(vm1.props).sort()).toEqual([
      'name',
      'runtime.host',
      'runtime.powerState',
    ]);
    expect(toVm(vm1, names)).toMatchObject({
      powerState: 'poweredOff',
      ipAddress: undefined,
      datastores: [],
    });
    expect(w.objects('VirtualMachine').has('vm-2')).toBe(false);

    // each wait carries the version of the last answer
    vc.answer(keepAlive);
    await until(() => vc.versions().length === 5);
    expect(vc.versions()).toEqual(['', '1', '2', '3', '3']);
    expect(seen).toHaveLength(2);
  });

  it('counts an empty answer as the keep-alive and turns stale when none comes in time', async () => {
    let now = Date.now();
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const vc = stubVcenter();
      const w = watch(undefined, 2);
      expect(w.health.deadlineMs).toBe(7000);
      vc.answer(updateSet('1', [vmEnter(1)]));
      await w.start();
      now += 6000;
      expect(w.health.status().state).toBe('live');
      now += 2000;
      expect(w.health.status()).toMatchObject({
        state: 'stale',
        reason: 'no update or keep-alive for 8 s (deadline 7 s)',
      });
      vc.answer(keepAlive);
      await until(() => w.health.status().state === 'live');
      expect(w.health.status().lastSyncedAt).toBe(new Date(now).toISOString());
    } finally {
      spy.mockRestore();
    }
  });

  it('resyncs in a new session after a lost one, keeping objects meanwhile and removing the gone ones', async () => {
    const vc = stubVcenter();
    const seen: VCenterObjectChange[][] = [];
    const w = watch(c => seen.push(c));
    vc.answer(updateSet('1', [vmEnter(1), vmEnter(2), vmEnter(3)]));
    await w.start();

    vc.answer('drop session');
    await until(() => w.health.status().state === 'stale');
    expect(w.health.status().reason).toMatch(
      /^vCenter 'stub' could not wait for inventory updates/,
    );
    // the objects stay, marked stale by the health, until the resync replaces them
    expect(w.objects('VirtualMachine').size).toBe(3);

    const lostAt = Date.now();
    // vm-1 unchanged, vm-2 powered off meanwhile, vm-3 deleted meanwhile, vm-4 new
    vc.answer(
      updateSet('7', [vmEnter(1), vmEnter(2, 'poweredOff'), vmEnter(4)]),
    );
    await until(() => seen.length === 2 && vc.versions().length === 4, 5000);
    // not a tight loop: the first retry waits a second
    expect(Date.now() - lostAt).toBeGreaterThanOrEqual(900);
    expect(seen[1]).toEqual([
      { kind: 'modify', ref: { type: 'VirtualMachine', value: 'vm-2' } },
      { kind: 'enter', ref: { type: 'VirtualMachine', value: 'vm-4' } },
      { kind: 'leave', ref: { type: 'VirtualMachine', value: 'vm-3' } },
    ]);
    expect([...w.objects('VirtualMachine').keys()].sort()).toEqual([
      'vm-1',
      'vm-2',
      'vm-4',
    ]);
    expect(w.health.status().state).toBe('live');
    expect(vc.sessions()).toBe(2);
    // collector, view and filter re-created in the new session; the old ones died with the old one
    const afterLoss = vc.ops().slice(vc.ops().lastIndexOf('Login'));
    expect(afterLoss.slice(0, 4)).toEqual([
      'Login',
      'CreatePropertyCollector',
      'CreateContainerView',
      'CreateFilter',
    ]);
    expect(vc.ops()).not.toContain('DestroyPropertyCollector');
    expect(vc.versions()).toEqual(['', '1', '', '7']);
    const lastWait = vc.sent.filter(s => s.operation === 'WaitForUpdatesEx')[3];
    expect(lastWait.target).toBe('session[s2]pc-2');
  });

  it('rejects start when the first sync fails, then retries with backoff and syncs', async () => {
    const vc = stubVcenter();
    vc.failCreates(1);
    const w = watch();
    await expect(w.start()).rejects.toThrow(
      "vCenter 'stub' could not create a property collector: collector service down (SystemError)",
    );
    expect(w.health.status()).toEqual({
      source: 'vcenter:stub',
      state: 'failed',
      reason:
        "vCenter 'stub' could not create a property collector: collector service down (SystemError)",
      errorName: 'Error',
    });
    vc.answer(updateSet('1', [vmEnter(1)]));
    await until(() => w.objects('VirtualMachine').size === 1, 3000);
    expect(w.health.status().state).toBe('live');
    expect(vc.ops().filter(o => o === 'CreatePropertyCollector')).toHaveLength(
      2,
    );
  });

  it('stops: cancels the wait and destroys filter, view and collector', async () => {
    const vc = stubVcenter();
    const w = watch();
    vc.answer(updateSet('1', [vmEnter(1)]));
    await w.start();
    await until(() => vc.versions().length === 2);
    await w.stop();
    const ops = vc.ops();
    expect(ops.slice(ops.indexOf('CancelWaitForUpdates'))).toEqual([
      'CancelWaitForUpdates',
      'DestroyPropertyFilter',
      'DestroyView',
      'DestroyPropertyCollector',
    ]);
    const destroyed = vc.sent
      .filter(s => s.operation.startsWith('Destroy'))
      .map(s => s.target);
    expect(destroyed).toEqual([
      'session[s1]filter',
      'session[s1]view',
      'session[s1]pc-1',
    ]);
    // no wait after the stop, and a second stop is a no-op
    await new Promise(resolve => setTimeout(resolve, 50));
    await w.stop();
    expect(vc.ops()).toEqual(ops);
  });

  it('rejects options it cannot follow, naming the field', () => {
    const { config, logger, http: transport } = stubHttp();
    const session = new SoapSession(transport, config, logger);
    const make = (options: any) =>
      new VCenterWatch(session, logger, 'stub', 2000, options);
    expect(() => make({ specs: [VM_SPEC], maxWaitSeconds: 0 })).toThrow(
      new InputError(
        'maxWaitSeconds must be a whole number of seconds, at least 1; got 0',
      ),
    );
    expect(() => make({ specs: [] })).toThrow(
      'specs must name at least one object type to watch',
    );
    expect(() => make({ specs: [VM_SPEC, VM_SPEC] })).toThrow(
      "specs must name each object type once; got 'VirtualMachine' twice or empty",
    );
  });
});
