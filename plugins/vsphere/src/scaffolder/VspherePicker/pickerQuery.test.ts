import { pickerQuery, pickerScope } from './pickerQuery';

describe('pickerQuery', () => {
  const form = { vcenter: 'vc-1', supervisor: 'sv-1', namespace: 'demo' };

  it('scopes options by the vCenter, Supervisor and namespace chosen in the form', () => {
    expect(pickerQuery('vm-classes', {}, form)).toEqual(form);
    expect(pickerQuery('storage-policies', {}, { vcenter: 'vc-1' })).toEqual({
      vcenter: 'vc-1',
    });
    expect(pickerQuery('vcenters', {}, form)).toEqual({});
  });

  it('prefers fixed values, then the named fields', () => {
    expect(
      pickerQuery(
        'clusters',
        { vcenter: 'vc-2', namespaceField: 'targetNamespace' },
        { ...form, targetNamespace: 'team-a' },
      ),
    ).toEqual({ vcenter: 'vc-2', supervisor: 'sv-1', namespace: 'team-a' });
  });

  it('waits for a namespace before listing images or clusters', () => {
    expect(pickerQuery('images', {}, { vcenter: 'vc-1' })).toBeUndefined();
    expect(pickerQuery('clusters', {}, { namespace: '' })).toBeUndefined();
    expect(pickerQuery('namespaces', {}, {})).toEqual({});
  });

  it('lists Kubernetes versions of a namespace, narrowed by the ClusterClass the form chose', () => {
    expect(
      pickerQuery(
        'kubernetes-versions',
        {},
        { namespace: 'demo', clusterClass: 'builtin-generic-v3.4.0' },
      ),
    ).toEqual({ namespace: 'demo', clusterClass: 'builtin-generic-v3.4.0' });
    expect(
      pickerQuery(
        'kubernetes-versions',
        { clusterClass: 'fixed' },
        { namespace: 'demo', clusterClass: 'other' },
      ),
    ).toEqual({ namespace: 'demo', clusterClass: 'fixed' });
    // without a class the backend uses the cluster action's default
    expect(
      pickerQuery('kubernetes-versions', {}, { namespace: 'demo' }),
    ).toEqual({ namespace: 'demo' });
    expect(pickerScope('kubernetes-versions', {}, {}).missing).toBe(
      'namespace',
    );
    // other kinds do not send the class
    expect(
      pickerQuery('images', {}, { namespace: 'demo', clusterClass: 'x' }),
    ).toEqual({ namespace: 'demo' });
  });

  it('lists node pools of the cluster chosen in the form, once there is one', () => {
    expect(
      pickerQuery('node-pools', {}, { namespace: 'demo', cluster: 'c1' }),
    ).toEqual({ namespace: 'demo', cluster: 'c1' });
    expect(
      pickerQuery(
        'node-pools',
        { clusterField: 'target' },
        { namespace: 'demo', target: 'c2' },
      ),
    ).toEqual({ namespace: 'demo', cluster: 'c2' });
    expect(pickerScope('node-pools', {}, { namespace: 'demo' }).missing).toBe(
      'cluster',
    );
    expect(pickerScope('node-pools', {}, { cluster: 'c1' }).missing).toBe(
      'namespace',
    );
    // other kinds do not send the cluster
    expect(
      pickerQuery('vm-classes', {}, { namespace: 'demo', cluster: 'c1' }),
    ).toEqual({ namespace: 'demo' });
  });
});
