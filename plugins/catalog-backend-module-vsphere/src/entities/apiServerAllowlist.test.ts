import { ApiServerAllowlist } from './apiServerAllowlist';

describe('ApiServerAllowlist', () => {
  const list = new ApiServerAllowlist([
    '10.244.0.0/16',
    'fd00::/64',
    'k8s.example.com',
    '*.clusters.example.com',
  ]);

  it.each([
    'https://10.244.0.162:6443',
    'https://[fd00::12]:6443',
    'https://k8s.example.com',
    'https://tkg-1.clusters.example.com:6443',
  ])('allows %s', url => expect(list.allows(url)).toBe(true));

  it.each([
    'https://10.245.0.1:6443',
    'https://attacker.example.net:6443',
    'https://clusters.example.com.attacker.net',
    'https://k8s.example.com.evil.io',
    'not a url',
  ])('refuses %s', url => expect(list.allows(url)).toBe(false));

  it('allows nothing when empty', () => {
    expect(new ApiServerAllowlist([]).allows('https://10.0.0.1')).toBe(false);
  });
});
