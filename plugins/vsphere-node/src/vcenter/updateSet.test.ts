import { parseSoapResponse, returnvalOf } from './soapXml';
import { ObjectStore, parseUpdateSet } from './updateSet';

/** Parses a WaitForUpdatesEx response body as the SOAP session does. */
function parse(inner: string) {
  const result = parseSoapResponse(
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><WaitForUpdatesExResponse xmlns="urn:vim25">${inner}</WaitForUpdatesExResponse></soapenv:Body></soapenv:Envelope>`,
    'WaitForUpdatesEx',
  );
  return parseUpdateSet(returnvalOf(result?.response));
}

const SPECS = [{ type: 'VirtualMachine', paths: ['name', 'datastore'] }];

describe('parseUpdateSet', () => {
  it('reads version, truncation and each object update with its changes', () => {
    const set = parse(
      `<returnval><version>42</version><filterSet><filter type="PropertyFilter">f</filter>
<objectSet><kind>enter</kind><obj type="VirtualMachine">vm-1</obj>
<changeSet><name>name</name><op>assign</op><val xsi:type="xsd:string">a &amp; b</val></changeSet>
<missingSet><path>datastore</path><fault><fault xsi:type="NoPermission"/></fault></missingSet></objectSet>
<objectSet><kind>modify</kind><obj type="VirtualMachine">vm-2</obj>
<changeSet><name>datastore</name><op>indirectRemove</op></changeSet>
<changeSet><name>name</name><op>bogus</op></changeSet></objectSet>
<objectSet><kind>leave</kind><obj type="VirtualMachine">vm-3</obj></objectSet>
</filterSet><truncated>true</truncated></returnval>`,
    );
    expect(set).toEqual({
      version: '42',
      truncated: true,
      objects: [
        {
          kind: 'enter',
          ref: { type: 'VirtualMachine', value: 'vm-1' },
          changes: [
            {
              name: 'name',
              op: 'assign',
              // the xsi:type attribute dropped, the leaf kept as its text
              val: 'a & b',
            },
          ],
          missing: ['datastore'],
        },
        {
          kind: 'modify',
          ref: { type: 'VirtualMachine', value: 'vm-2' },
          // an op vCenter does not define is dropped, not guessed
          changes: [{ name: 'datastore', op: 'indirectRemove' }],
          missing: [],
        },
        {
          kind: 'leave',
          ref: { type: 'VirtualMachine', value: 'vm-3' },
          changes: [],
          missing: [],
        },
      ],
    });
  });

  it('answers undefined for the empty keep-alive answer', () => {
    expect(parse('')).toBeUndefined();
  });
});

describe('ObjectStore', () => {
  it('adds, replaces and unsets properties in place, keeping only requested paths', () => {
    const store = new ObjectStore(SPECS);
    const ref = { type: 'VirtualMachine', value: 'vm-1' };
    expect(
      store.apply({
        kind: 'enter',
        ref,
        changes: [
          { name: 'name', op: 'assign', val: 'one' },
          { name: 'config.annotation', op: 'assign', val: 'dropped' },
        ],
        missing: [],
      }),
    ).toEqual({ kind: 'enter', ref });
    const object = store.objects('VirtualMachine').get('vm-1')!;
    store.apply({
      kind: 'modify',
      ref,
      changes: [{ name: 'datastore', op: 'add', val: 'ds' }],
      missing: [],
    });
    expect(object.props).toEqual({ name: 'one', datastore: 'ds' });
    store.apply({
      kind: 'modify',
      ref,
      changes: [
        { name: 'datastore', op: 'remove' },
        { name: 'name', op: 'assign', val: 'two' },
      ],
      missing: [],
    });
    // the same object, changed in place: no copy per update
    expect(store.objects('VirtualMachine').get('vm-1')).toBe(object);
    expect(object.props).toEqual({ name: 'two' });
    // types that were not asked for are ignored
    expect(
      store.apply({
        kind: 'enter',
        ref: { type: 'Folder', value: 'group-1' },
        changes: [],
        missing: [],
      }),
    ).toBeUndefined();
  });

  it('reports in a resync only what differs, and a leave for what was not seen', () => {
    const store = new ObjectStore(SPECS);
    const vm = (value: string) => ({ type: 'VirtualMachine', value });
    const enter = (value: string, name: string) =>
      store.apply({
        kind: 'enter',
        ref: vm(value),
        changes: [{ name: 'name', op: 'assign', val: name }],
        missing: [],
      });
    enter('vm-1', 'a');
    enter('vm-2', 'b');
    store.beginResync();
    expect(enter('vm-1', 'a')).toBeUndefined();
    expect(enter('vm-3', 'c')).toEqual({ kind: 'enter', ref: vm('vm-3') });
    expect(store.endResync()).toEqual([{ kind: 'leave', ref: vm('vm-2') }]);
    expect([...store.objects('VirtualMachine').keys()]).toEqual([
      'vm-1',
      'vm-3',
    ]);
  });
});
