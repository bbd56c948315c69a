import { matchesLabelSelector } from './labelSelector';

describe('matchesLabelSelector', () => {
  const labels = { app: 'web', tier: 'front', 'example.com/team': 'a' };

  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app in (web, api)', true],
    ['app notin (web)', false],
    ['missing notin (web)', true],
    ['example.com/team', true],
    ['!canary', true],
    ['!app', false],
    ['app=web,tier=back', false],
    ['app=web,tier in (front,back)', true],
  ])('%s is %s for the labels', (selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });

  it('refuses an invalid selector, naming the rule', () => {
    expect(() => matchesLabelSelector('app=(', labels)).toThrow(
      /not a Kubernetes label selector/,
    );
  });
});
