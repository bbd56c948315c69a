import { parseVsphereResourceCreatedEvent } from './events';

describe('parseVsphereResourceCreatedEvent', () => {
  it('reads the payload the scaffolder actions publish', () => {
    expect(
      parseVsphereResourceCreatedEvent({
        vcenter: 'vc1',
        kind: 'vm',
        namespace: 'demo',
        name: 'web-01',
      }),
    ).toEqual({
      vcenter: 'vc1',
      kind: 'vm',
      namespace: 'demo',
      name: 'web-01',
    });
  });

  it('takes a new namespace from its name when no namespace is given', () => {
    expect(
      parseVsphereResourceCreatedEvent({ kind: 'namespace', name: 'team-b' }),
    ).toEqual({ kind: 'namespace', namespace: 'team-b', name: 'team-b' });
  });

  it.each([
    undefined,
    'text',
    {},
    { kind: 'vm', name: 'x' },
    { namespace: 'Not_A_Label' },
  ])('rejects %j', payload => {
    expect(parseVsphereResourceCreatedEvent(payload)).toBeUndefined();
  });
});
