import { NamespaceAccessEntry } from '@backstage-vsphere/plugin-vsphere-node';
import { namespaceOwner, ownerFromAccessList, refFromMetadata } from './owners';

const entry = (
  subjectType: 'USER' | 'GROUP',
  subject: string,
  role = 'OWNER',
): NamespaceAccessEntry => ({
  subjectType,
  subject,
  domain: 'vsphere.local',
  role,
});

const config = {
  ownerMap: { 'devops@vsphere.local': 'group:default/platform' },
  defaultOwner: 'group:default/unknown',
};
const noMetadata = { labels: {}, annotations: {} };

describe('owners', () => {
  it('prefers an OWNER group over an OWNER user, whatever the list order', () => {
    const list = [entry('USER', 'alice'), entry('GROUP', 'web-team')];
    expect(ownerFromAccessList(list, config)).toBe('group:default/web-team');
    expect(ownerFromAccessList([...list].reverse(), config)).toBe(
      'group:default/web-team',
    );
  });

  it('ignores EDIT and VIEW entries and maps known subjects through ownerMap', () => {
    expect(
      ownerFromAccessList([entry('GROUP', 'viewers', 'VIEW')], config),
    ).toBeUndefined();
    expect(ownerFromAccessList([entry('GROUP', 'DevOps')], config)).toBe(
      'group:default/platform',
    );
    expect(ownerFromAccessList([entry('USER', 'Jane Doe')], config)).toBe(
      'user:default/jane-doe',
    );
  });

  it('takes backstage.io/owner before the access list, and the default last', () => {
    const access = [entry('GROUP', 'web-team')];
    expect(
      namespaceOwner(
        {
          labels: { 'backstage.io/owner': 'team-a' },
          annotations: {},
          accessList: access,
        },
        config,
      ),
    ).toBe('group:default/team-a');
    expect(
      namespaceOwner(
        {
          labels: { 'backstage.io/owner': 'team-a' },
          annotations: { 'backstage.io/owner': 'user:default/jane' },
          accessList: access,
        },
        config,
      ),
    ).toBe('user:default/jane');
    expect(namespaceOwner({ ...noMetadata, accessList: access }, config)).toBe(
      'group:default/web-team',
    );
    expect(namespaceOwner({ ...noMetadata, accessList: [] }, config)).toBe(
      'group:default/unknown',
    );
  });

  it('skips values that are not entity refs', () => {
    expect(
      refFromMetadata(
        { labels: {}, annotations: { 'backstage.io/owner': 'a:b:c/d/e' } },
        'backstage.io/owner',
        'group',
      ),
    ).toBeUndefined();
  });
});
