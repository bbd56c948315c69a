import { zonesOpenTo } from './zones';

const bound = [
  { zone: 'zone-a', type: 'MANAGEMENT', namespaces: ['demo'] },
  { zone: 'zone-b', type: 'WORKLOAD', namespaces: [] },
];

describe('zonesOpenTo', () => {
  it("offers the namespace's own zones of the Supervisor's", () => {
    expect(zonesOpenTo(bound, [{ zone: 'zone-b' }]).map(z => z.zone)).toEqual([
      'zone-b',
    ]);
  });

  it("offers all the Supervisor's zones where vCenter reports none for the namespace", () => {
    expect(zonesOpenTo(bound, undefined).map(z => z.zone)).toEqual([
      'zone-a',
      'zone-b',
    ]);
  });
});
