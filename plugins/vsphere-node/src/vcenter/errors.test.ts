import { VCenterTarget, networkError, restError, soapError } from './errors';

const target: VCenterTarget = {
  name: 'vc-east',
  baseUrl: 'https://vc.example.test',
  username: 'svc@vsphere.local',
  timeoutMs: 5000,
};

describe('restError', () => {
  it.each([
    ['NOT_FOUND', 404, 'NotFoundError'],
    ['ALREADY_EXISTS', 400, 'ConflictError'],
    ['INVALID_ARGUMENT', 400, 'InputError'],
    ['SERVICE_UNAVAILABLE', 503, 'ServiceUnavailableError'],
  ])('maps /api error_type %s to %s', (errorType, status, name) => {
    const error = restError(
      target,
      status,
      {
        error_type: errorType,
        messages: [{ id: 'x', default_message: 'From vCenter.', args: [] }],
      },
      "create Supervisor namespace 'team-a'",
    );
    expect(error.name).toBe(name);
    expect(error.message).toBe(
      `vCenter 'vc-east' could not create Supervisor namespace 'team-a': From vCenter. (${errorType})`,
    );
  });

  it('reads the /rest shape', () => {
    const error = restError(
      target,
      400,
      {
        type: 'com.vmware.vapi.std.errors.already_exists',
        value: { messages: [{ default_message: 'Namespace exists.' }] },
      },
      'create it',
    );
    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      "vCenter 'vc-east' could not create it: Namespace exists. (ALREADY_EXISTS)",
    );
  });

  it('falls back to the status and never copies a non-vAPI body', () => {
    const error = restError(
      target,
      404,
      '<html>password=hunter2</html>',
      'get x',
    );
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe(
      "vCenter 'vc-east' could not get x: it does not exist (HTTP 404)",
    );
  });
});

describe('refusals of the portal account', () => {
  it.each([
    ['UNAUTHORIZED', 403],
    ['UNAUTHENTICATED', 401],
  ])(
    'turns /api error_type %s into a 503 naming the portal account',
    (errorType, status) => {
      const error = restError(
        target,
        status,
        { error_type: errorType, messages: [] },
        "create Supervisor namespace 'team-a'",
      );
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toContain(
        `vCenter 'vc-east' refused the portal's service account '${target.username}'`,
      );
    },
  );

  it.each(['NoPermission', 'NotAuthenticated'])(
    'turns the SOAP fault %s into a 503 naming the portal account',
    faultType => {
      const error = soapError(
        target,
        { faultString: 'It failed.', faultType },
        'read hosts',
      );
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toMatch(
        /^vCenter 'vc-east' could not read hosts: It failed\. \((NoPermission|NotAuthenticated)\); vCenter 'vc-east' refused the portal's service account/,
      );
    },
  );
});

describe('soapError', () => {
  it.each([
    ['ManagedObjectNotFound', 'NotFoundError'],
    ['InvalidArgument', 'InputError'],
    ['DuplicateName', 'ConflictError'],
  ])('maps %s to %s', (faultType, name) => {
    const error = soapError(
      target,
      { faultString: 'It failed.', faultType },
      'read hosts',
    );
    expect(error.name).toBe(name);
    expect(error.message).toBe(
      `vCenter 'vc-east' could not read hosts: It failed. (${faultType})`,
    );
  });
});

describe('networkError', () => {
  it('names certificate failures as TLS verification errors and says what to set', () => {
    for (const code of [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ]) {
      const error = networkError(target, { code }, 'log in');
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toMatch(/^TLS verification error/);
      expect(error.message).toContain(code);
      expect(error.message).toContain('set caData or caFile');
    }
  });

  it('drops the client error, which carries request headers', () => {
    const axiosLike = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      config: { headers: { authorization: 'Basic c2VjcmV0' } },
    });
    const error = networkError(target, axiosLike, 'list hosts');
    expect(error.message).toBe(
      "vCenter 'vc-east' at https://vc.example.test refused the connection while trying to list hosts; check that it is running and that the url is right",
    );
    expect(JSON.stringify(error) + String(error)).not.toContain('c2VjcmV0');
  });

  it('states the deadline on timeouts', () => {
    expect(
      networkError(target, { code: 'ETIMEDOUT' }, 'list hosts').message,
    ).toBe(
      "vCenter 'vc-east' at https://vc.example.test did not answer within 5000 ms while trying to list hosts",
    );
  });
});
