import { toNamespaceOverview, toNamespaceVmClass } from './namespaceOverview';

describe('toNamespaceVmClass', () => {
  it('calls a fully reserved class guaranteed and says how much memory it holds', () => {
    expect(
      toNamespaceVmClass('guaranteed-large', {
        id: 'guaranteed-large',
        cpuCount: 4,
        memoryMiB: 16384,
        cpuReservationPercent: 100,
        memoryReservationPercent: 100,
      }),
    ).toEqual({
      name: 'guaranteed-large',
      cpus: 4,
      memoryMiB: 16384,
      cpuReservationPercent: 100,
      memoryReservationPercent: 100,
      memoryReservedMiB: 16384,
      reservation: 'guaranteed',
    });
  });

  it('tells best-effort, partly reserved and unknown classes apart', () => {
    const of = (cpu?: number, memory?: number) =>
      toNamespaceVmClass('c', {
        id: 'c',
        memoryMiB: 8192,
        cpuReservationPercent: cpu,
        memoryReservationPercent: memory,
      });
    expect(of(0, 0)).toMatchObject({
      reservation: 'best-effort',
      memoryReservedMiB: 0,
    });
    expect(of(50, 25)).toMatchObject({
      reservation: 'partial',
      memoryReservedMiB: 2048,
    });
    expect(of(100, 0).reservation).toBe('partial');
    // vCenter leaves a reservation unset when there is none
    expect(of(undefined, undefined)).toMatchObject({
      reservation: 'best-effort',
      memoryReservedMiB: 0,
    });
    expect(toNamespaceVmClass('missing', undefined)).toEqual({
      name: 'missing',
      reservation: 'unknown',
      cpus: undefined,
      memoryMiB: undefined,
      cpuReservationPercent: undefined,
      memoryReservationPercent: undefined,
      memoryReservedMiB: undefined,
      description: undefined,
    });
  });
});

describe('toNamespaceOverview', () => {
  it("details the namespace's own VM classes only, in its order", () => {
    const overview = toNamespaceOverview({
      namespace: {
        name: 'demo',
        cluster: 'domain-c8',
        configStatus: 'RUNNING',
        messages: [],
        vmServiceSpec: {
          vmClasses: ['guaranteed-large', 'best-effort-small'],
          contentLibraries: [],
        },
      },
      storagePolicies: [],
      contentLibraries: [],
      resourceQuotas: [],
      limitRanges: [],
      vmClasses: [
        { id: 'best-effort-small', cpuCount: 2, memoryMiB: 4096 },
        { id: 'best-effort-xlarge', cpuCount: 8, memoryMiB: 65536 },
        {
          id: 'guaranteed-large',
          cpuCount: 4,
          memoryMiB: 16384,
          cpuReservationPercent: 100,
          memoryReservationPercent: 100,
        },
      ],
    });
    expect(overview.vmClasses).toEqual([
      'guaranteed-large',
      'best-effort-small',
    ]);
    expect(
      overview.vmClassDetails.map(c => [c.name, c.reservation, c.cpus]),
    ).toEqual([
      ['guaranteed-large', 'guaranteed', 4],
      ['best-effort-small', 'best-effort', 2],
    ]);
  });

  it('carries zones, library settings, self-service and the VPC where vCenter reports them', () => {
    const input = {
      storagePolicies: [],
      contentLibraries: [
        { id: 'lib-1', name: 'tkg-images', datastores: [] },
        { id: 'lib-2', name: 'team-uploads', datastores: [] },
      ],
      resourceQuotas: [],
      limitRanges: [],
      vmClasses: [],
    };
    const overview = toNamespaceOverview({
      ...input,
      namespace: {
        name: 'demo',
        cluster: 'domain-c8',
        configStatus: 'RUNNING',
        messages: [],
        vmServiceSpec: { vmClasses: [], contentLibraries: ['lib-1'] },
        zones: [
          { zone: 'zone-a', type: 'MANAGEMENT', markedForRemoval: false },
          { zone: 'zone-b' },
        ],
        contentLibraries: [{ contentLibrary: 'lib-2', writable: true }],
        networkSpec: {
          networkProvider: 'NSX_VPC',
          vpcNetwork: { vpc: '/orgs/default/projects/p/vpcs/v' },
        },
        selfService: true,
      },
    });
    expect(overview.zones).toEqual([
      { name: 'zone-a', type: 'MANAGEMENT' },
      { name: 'zone-b' },
    ]);
    expect(overview.contentLibraries).toEqual([
      { id: 'lib-1', name: 'tkg-images' },
      { id: 'lib-2', name: 'team-uploads', writable: true },
    ]);
    expect(overview.selfService).toBe(true);
    expect(overview.network).toEqual({
      provider: 'NSX_VPC',
      vpc: '/orgs/default/projects/p/vpcs/v',
    });

    // a vCenter before vSphere 9 reports no zones: the overview says nothing about them
    const v1 = toNamespaceOverview({
      ...input,
      namespace: {
        name: 'demo',
        cluster: 'domain-c8',
        configStatus: 'RUNNING',
        messages: [],
      },
    });
    expect(v1).not.toHaveProperty('zones');
    expect(v1).not.toHaveProperty('selfService');
  });
});
