import { credentialsRejected } from './errors';
import { LoginBackoff } from './LoginBackoff';

const target = {
  name: 'vc',
  baseUrl: 'https://vc.example.com',
  username: 'svc@vsphere.local',
  timeoutMs: 1000,
};

describe('LoginBackoff', () => {
  it('refuses logins after a rejection for 30 s, then twice as long each time, up to 10 min', async () => {
    let now = 0;
    const backoff = new LoginBackoff(() => now);
    const login = jest.fn(async () => {
      throw credentialsRejected(target);
    });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await expect(backoff.login(login)).rejects.toThrow(
        "rejected the login of the portal's service account",
      );
      const calls = login.mock.calls.length;
      await expect(backoff.login(login)).rejects.toThrow(
        /the next login is tried in \d+ s$/,
      );
      expect(login).toHaveBeenCalledTimes(calls);
      const started = now;
      while (login.mock.calls.length === calls) {
        now += 1000;
        await backoff.login(login).catch(() => undefined);
      }
      waits.push(now - started);
    }
    expect(waits.map(ms => ms / 1000)).toEqual([
      30, 60, 120, 240, 480, 600, 600, 600,
    ]);
  });

  it('forgets a rejection once a login succeeds, and does not back off on other failures', async () => {
    let now = 0;
    const backoff = new LoginBackoff(() => now);
    await backoff
      .login(async () => {
        throw credentialsRejected(target);
      })
      .catch(() => undefined);
    now += 30_000;
    await expect(backoff.login(async () => 'session')).resolves.toBe('session');
    const unreachable = jest.fn(async () => {
      throw new Error('ECONNREFUSED');
    });
    await expect(backoff.login(unreachable)).rejects.toThrow('ECONNREFUSED');
    await expect(backoff.login(unreachable)).rejects.toThrow('ECONNREFUSED');
    expect(unreachable).toHaveBeenCalledTimes(2);
  });
});
