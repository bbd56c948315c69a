import { networkError } from '../vcenter/errors';
import { toSupervisorError } from '../supervisor/errors';

const vcenter = {
  name: 'vc-east',
  baseUrl: 'https://vc.example.com',
  username: 'svc@vsphere.local',
  timeoutMs: 5000,
};
const supervisor = {
  supervisor: 'sv1',
  url: 'https://10.0.0.10:6443',
  timeoutMs: 5000,
  verb: 'list' as const,
  resource: 'virtualmachines.vmoperator.vmware.com',
};

describe('TLS codes', () => {
  it.each(['CERT_REJECTED', 'INVALID_CA', 'UNABLE_TO_GET_ISSUER_CERT'])(
    'names %s a certificate failure for vCenter and Supervisor alike',
    code => {
      expect(networkError(vcenter, { code }, 'log in').message).toMatch(
        /^TLS verification error: .*set caData or caFile/,
      );
      expect(toSupervisorError({ code }, supervisor).message).toBe(
        `TLS verification of Supervisor 'sv1' at https://10.0.0.10:6443 failed (${code}): check its CA (caData or caFile)`,
      );
    },
  );

  it('leaves a failed handshake a reachability error for vCenter', () => {
    expect(networkError(vcenter, { code: 'EPROTO' }, 'log in').message).toBe(
      "vCenter 'vc-east' at https://vc.example.com could not be reached (EPROTO) while trying to log in",
    );
  });
});
