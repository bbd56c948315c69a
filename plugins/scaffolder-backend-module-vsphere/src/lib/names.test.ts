import {
  checkDnsLabel,
  checkEntityRef,
  checkLabels,
  checkSshPublicKeys,
  checkUnique,
} from './names';

describe('input rules', () => {
  it('accepts DNS-1123 labels and names the rule otherwise', () => {
    expect(checkDnsLabel('name', 'team-a1')).toBe('team-a1');
    expect(checkDnsLabel('name', 'a'.repeat(63))).toBe('a'.repeat(63));
    expect(() => checkDnsLabel('name', 'Team-A')).toThrow(
      "name: 'Team-A' is not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit",
    );
    expect(() => checkDnsLabel('name', '-a')).toThrow(/not a DNS-1123 label/);
    expect(() => checkDnsLabel('name', 'a.b')).toThrow(/not a DNS-1123 label/);
    expect(() => checkDnsLabel('name', '')).toThrow(/not a DNS-1123 label/);
    expect(() => checkDnsLabel('nodePools[0].name', 'a'.repeat(64))).toThrow(
      `nodePools[0].name: '${'a'.repeat(
        64,
      )}' is 64 characters long; a DNS-1123 label has at most 63`,
    );
  });

  it('checks Kubernetes label keys and values', () => {
    expect(() =>
      checkLabels('labels', {
        app: 'payments',
        'example.com/tier': 'web_1.0',
        empty: '',
      }),
    ).not.toThrow();
    expect(() => checkLabels('labels', { 'Bad/key': 'x' })).toThrow(
      /^labels: 'Bad\/key' is not a Kubernetes label key/,
    );
    expect(() => checkLabels('labels', { app: '-x' })).toThrow(
      /^labels\.app: '-x' is not a Kubernetes label value/,
    );
    expect(() => checkLabels('labels', { app: 'x'.repeat(64) })).toThrow(
      /not a Kubernetes label value/,
    );
  });

  it('accepts OpenSSH public keys and never echoes a rejected one', () => {
    expect(() =>
      checkSshPublicKeys('keys', [
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA== me@host',
        'ecdsa-sha2-nistp256 AAAAE2VjZHNh',
        'ssh-rsa AAAAB3NzaC1yc2E=',
      ]),
    ).not.toThrow();
    const privateKey =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=';
    let message = '';
    try {
      checkSshPublicKeys('keys', ['ssh-ed25519 AAAA', privateKey]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      "keys[1]: not an OpenSSH public key; expected one line such as 'ssh-ed25519 AAAA... user@host'",
    );
  });

  it('finds duplicates and bad entity refs', () => {
    expect(() => checkUnique('nodePools', ['a', 'b', 'a'])).toThrow(
      "nodePools: 'a' is listed more than once",
    );
    expect(() => checkUnique('nodePools', ['a', 'b'])).not.toThrow();
    expect(() => checkEntityRef('owner', 'group:default/team-a')).not.toThrow();
    expect(() => checkEntityRef('owner', 'a:b:c/d/e')).toThrow(
      "owner: 'a:b:c/d/e' is not an entity ref; use kind:namespace/name, e.g. 'group:default/team-a'",
    );
  });
});
