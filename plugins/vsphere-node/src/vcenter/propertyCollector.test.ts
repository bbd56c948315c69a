import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { XMLParser } from 'fast-xml-parser';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { VM_SPEC, toVm } from './inventory';
import { PropertyCollector } from './propertyCollector';
import { SoapSession } from './SoapSession';
import { STUB_URL, stubHttp } from './__testUtils__/stubConfig';

const server = setupServer();
registerMswTestHooks(server);

const requestParser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
});

const soap = (body: string) =>
  HttpResponse.text(
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`,
    { status: body.includes('Fault>') ? 500 : 200 },
  );

const notAuthenticated =
  '<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring></faultstring><detail><NotAuthenticatedFault xmlns="urn:vim25" xsi:type="NotAuthenticated"></NotAuthenticatedFault></detail></soapenv:Fault>';

function vmObject(n: number): string {
  return `<objects><obj type="VirtualMachine">vm-${n}</obj>
<propSet><name>name</name><val xsi:type="xsd:string">vm &amp; ${n}</val></propSet>
<propSet><name>runtime.powerState</name><val xsi:type="VirtualMachinePowerState">poweredOn</val></propSet>
<propSet><name>config.hardware.memoryMB</name><val xsi:type="xsd:int">2048</val></propSet>
<propSet><name>runtime.host</name><val type="HostSystem" xsi:type="ManagedObjectReference">host-1</val></propSet>
<propSet><name>datastore</name><val xsi:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="Datastore">ds-1</ManagedObjectReference><ManagedObjectReference type="Datastore">ds-2</ManagedObjectReference></val></propSet>
</objects>`;
}

/** A vCenter with five VMs that pages by the requested maxObjects and can lose sessions. */
function stubVcenter(options: { dropSessionAfterPages?: number } = {}) {
  const operations: string[] = [];
  let sessions = 0;
  let live: string | undefined;
  let pagesServed = 0;
  const tokens = new Map<string, number>();
  let pageSize = 0;
  const page = (from: number) => {
    const to = Math.min(from + pageSize, 5);
    const objects = Array.from({ length: to - from }, (_, i) =>
      vmObject(from + i),
    ).join('');
    const token = to < 5 ? `token-${to}` : undefined;
    if (token) {
      tokens.set(token, to);
    }
    pagesServed++;
    return `<returnval>${
      token ? `<token>${token}</token>` : ''
    }${objects}</returnval>`;
  };
  server.use(
    http.post(`${STUB_URL}/sdk`, async ({ request }) => {
      const body = requestParser.parse(await request.text()).Envelope.Body;
      const [operation] = Object.keys(body);
      const args = body[operation];
      operations.push(operation);
      // msw appends cookies it saw set; the client's own cookie comes first.
      const cookie = request.headers.get('cookie') ?? '';
      if (operation === 'RetrieveServiceContent') {
        return soap(
          `<RetrieveServiceContentResponse><returnval><rootFolder type="Folder">group-d1</rootFolder><propertyCollector type="PropertyCollector">pc</propertyCollector><viewManager type="ViewManager">vm</viewManager><sessionManager type="SessionManager">sm</sessionManager></returnval></RetrieveServiceContentResponse>`,
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
      if (!live || !cookie.startsWith(`vmware_soap_session="${live}"`)) {
        return soap(notAuthenticated);
      }
      if (
        options.dropSessionAfterPages !== undefined &&
        pagesServed === options.dropSessionAfterPages &&
        sessions === 1
      ) {
        live = undefined;
        return soap(notAuthenticated);
      }
      switch (operation) {
        case 'CreateContainerView':
          return soap(
            `<CreateContainerViewResponse><returnval type="ContainerView">session[${live}]view</returnval></CreateContainerViewResponse>`,
          );
        case 'RetrievePropertiesEx':
          pageSize = Number(args.options.maxObjects);
          return soap(
            `<RetrievePropertiesExResponse>${page(
              0,
            )}</RetrievePropertiesExResponse>`,
          );
        case 'ContinueRetrievePropertiesEx':
          return soap(
            `<ContinueRetrievePropertiesExResponse>${page(
              tokens.get(args.token)!,
            )}</ContinueRetrievePropertiesExResponse>`,
          );
        case 'DestroyView':
          return soap('<DestroyViewResponse></DestroyViewResponse>');
        default:
          return soap(
            `<soapenv:Fault><faultstring>unexpected ${operation}</faultstring></soapenv:Fault>`,
          );
      }
    }),
  );
  return { operations, sessions: () => sessions };
}

function collector() {
  const { config, logger, http: transport } = stubHttp();
  const session = new SoapSession(transport, config, logger);
  return new PropertyCollector(session, logger, config.name);
}

describe('PropertyCollector', () => {
  it('pages through a container view and destroys it', async () => {
    const vc = stubVcenter();
    const objects = await collector().retrieveFromContainerView({
      specs: [VM_SPEC],
      pageSize: 2,
      what: 'virtual machines',
    });
    expect(objects.map(o => o.ref.value)).toEqual([
      'vm-0',
      'vm-1',
      'vm-2',
      'vm-3',
      'vm-4',
    ]);
    expect(vc.operations).toEqual([
      'RetrieveServiceContent',
      'Login',
      'CreateContainerView',
      'RetrievePropertiesEx',
      'ContinueRetrievePropertiesEx',
      'ContinueRetrievePropertiesEx',
      'DestroyView',
    ]);
    expect(toVm(objects[0], new Map([['host-1', 'esx-1']]))).toEqual({
      moref: 'vm-0',
      name: 'vm & 0',
      powerState: 'poweredOn',
      memoryMiB: 2048,
      host: 'host-1',
      hostName: 'esx-1',
      datastores: ['ds-1', 'ds-2'],
    });
  });

  it('starts over in a new session when the session is lost while paging', async () => {
    const vc = stubVcenter({ dropSessionAfterPages: 1 });
    const objects = await collector().retrieveFromContainerView({
      specs: [VM_SPEC],
      pageSize: 2,
      what: 'virtual machines',
    });
    expect(objects).toHaveLength(5);
    expect(vc.sessions()).toBe(2);
    expect(vc.operations.filter(o => o === 'CreateContainerView')).toHaveLength(
      2,
    );
  });
});
