import { ApiException } from '@kubernetes/client-node';
import {
  RequestDescription,
  SupervisorDeadlineError,
  toSupervisorError,
} from './errors';

const request: RequestDescription = {
  supervisor: 'sv1',
  url: 'https://10.0.0.10:6443',
  timeoutMs: 5000,
  verb: 'patch',
  resource: 'virtualmachines.vmoperator.vmware.com',
  kind: 'VirtualMachine',
  namespace: 'demo',
  name: 'web-01',
};

const status = (code: number, message: string) =>
  new ApiException(
    code,
    'Unknown API Status Code!',
    JSON.stringify({ kind: 'Status', code, message }),
    { 'content-type': 'application/json' },
  );

describe('toSupervisorError', () => {
  it('names a rejected token as such', () => {
    const error = toSupervisorError(
      new ApiException(401, 'Unauthorized', undefined, {}),
      request,
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      "Supervisor 'sv1' rejected the portal's service account token (401): it may be revoked or expired; an administrator of the portal must replace it",
    );
  });

  it('names the verb and resource that RBAC denied the portal, without the server message that names its account', () => {
    const error = toSupervisorError(
      status(
        403,
        'virtualmachines.vmoperator.vmware.com "web-01" is forbidden: User "system:serviceaccount:x:ro" cannot patch resource "virtualmachines"',
      ),
      request,
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      "Supervisor 'sv1' does not allow the portal's service account to patch VirtualMachine 'web-01' in namespace 'demo' (403); an administrator of the Supervisor must grant it",
    );
    expect(error.message).not.toContain('serviceaccount:x:ro');
  });

  it('names the missing object, or the missing resource type for lists', () => {
    expect(toSupervisorError(status(404, 'not found'), request)).toMatchObject({
      name: 'NotFoundError',
      message:
        "VirtualMachine 'web-01' in namespace 'demo' was not found on Supervisor 'sv1'",
    });
    expect(
      toSupervisorError(status(404, 'x'), {
        ...request,
        verb: 'list',
        name: undefined,
      }),
    ).toMatchObject({
      name: 'NotFoundError',
      message:
        "Supervisor 'sv1' does not serve virtualmachines.vmoperator.vmware.com in namespace 'demo' (404)",
    });
  });

  it('maps conflicts, invalid objects and server failures', () => {
    expect(
      toSupervisorError(status(409, 'the object has been modified'), request),
    ).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('the object has been modified'),
    });
    expect(
      toSupervisorError(status(422, 'spec.className: Required'), request).name,
    ).toBe('InputError');
    expect(toSupervisorError(status(503, 'etcd down'), request).name).toBe(
      'ServiceUnavailableError',
    );
  });

  it('names the deadline when the client gave up waiting', () => {
    const error = toSupervisorError(new SupervisorDeadlineError(), request);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      "Supervisor 'sv1' at https://10.0.0.10:6443 did not answer patch VirtualMachine 'web-01' in namespace 'demo' within 5000 ms",
    );
  });

  it('names TLS verification failures and refused connections', () => {
    const tls = Object.assign(
      new Error('self-signed certificate in certificate chain'),
      {
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
      },
    );
    expect(toSupervisorError(tls, request).message).toBe(
      "TLS verification of Supervisor 'sv1' at https://10.0.0.10:6443 failed (SELF_SIGNED_CERT_IN_CHAIN): check its CA (caData or caFile)",
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    expect(toSupervisorError(refused, request)).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('is unreachable for patch'),
    });
  });

  it('never repeats response headers, where a proxy might echo credentials', () => {
    const error = toSupervisorError(
      new ApiException(401, 'Unauthorized', undefined, {
        authorization: 'Bearer secret-token',
      }),
      request,
    );
    expect(error.message).not.toContain('secret-token');
    expect(JSON.stringify(error)).not.toContain('secret-token');
  });
});
