import { XMLParser } from 'fast-xml-parser';
import {
  el,
  envelope,
  moRefEl,
  moRefOf,
  parseSoapResponse,
  returnvalOf,
  textEl,
} from './soapXml';

const wrap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

describe('SOAP envelopes', () => {
  it('escapes text and attribute values so they read back unchanged', () => {
    const tricky = `p<a>&s"s'</userName><x>`;
    const xml = envelope(
      el(
        'Login',
        { xmlns: 'urn:vim25' },
        moRefEl('_this', { type: 'Session"Manager', value: 'SessionManager' }),
        textEl('userName', 'admin'),
        textEl('password', tricky),
      ),
    );
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const login = parsed['soapenv:Envelope']['soapenv:Body'].Login;
    expect(login.password).toBe(tricky);
    expect(login.userName).toBe('admin');
    expect(login._this['@_type']).toBe('Session"Manager');
  });

  it('rejects control characters without echoing the value', () => {
    const secret = 'abc\u0001def';
    let thrown: unknown;
    try {
      envelope(textEl('password', secret));
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/control characters/);
    expect(String(thrown)).not.toContain('abc');
  });
});

describe('SOAP responses', () => {
  it('keeps a reference type apart from its xsi:type', () => {
    const result = parseSoapResponse(
      wrap(
        '<RetrieveXResponse xmlns="urn:vim25"><returnval type="HostSystem" xmlns:_XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" _XMLSchema-instance:type="ManagedObjectReference">host-31</returnval></RetrieveXResponse>',
      ),
      'RetrieveX',
    );
    expect(moRefOf(returnvalOf(result?.response))).toEqual({
      type: 'HostSystem',
      value: 'host-31',
    });
  });

  it('reads the fault type from the detail, with either prefix style', () => {
    const vcenter = parseSoapResponse(
      wrap(
        '<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>The session is not authenticated.</faultstring><detail><NotAuthenticatedFault xmlns="urn:vim25" xsi:type="NotAuthenticated"><object type="Folder">group-d1</object></NotAuthenticatedFault></detail></soapenv:Fault>',
      ),
      'RetrievePropertiesEx',
    );
    expect(vcenter?.fault).toEqual({
      faultString: 'The session is not authenticated.',
      faultType: 'NotAuthenticated',
    });
    const bare = parseSoapResponse(
      wrap(
        '<soapenv:Fault><faultstring>Login failure</faultstring><detail><InvalidLoginFault xmlns="urn:vim25"></InvalidLoginFault></detail></soapenv:Fault>',
      ),
      'Login',
    );
    expect(bare?.fault?.faultType).toBe('InvalidLogin');
  });

  it('returns undefined for anything but a SOAP envelope', () => {
    expect(parseSoapResponse('404 page not found', 'Login')).toBeUndefined();
    expect(parseSoapResponse('<html><body/></html>', 'Login')).toBeUndefined();
  });
});
