import { SessionHolder } from './SessionHolder';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => (resolve = r));
  return { promise, resolve };
}

describe('SessionHolder', () => {
  it('shares one login among concurrent callers', async () => {
    const login = jest.fn(async () => 'session-1');
    const holder = new SessionHolder(
      { login, logout: jest.fn(async () => {}) },
      'vc',
    );
    const sessions = await Promise.all(
      Array.from({ length: 50 }, () => holder.get()),
    );
    expect(new Set(sessions)).toEqual(new Set(['session-1']));
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('ignores invalidation of a session that was already replaced', async () => {
    let n = 0;
    const holder = new SessionHolder(
      { login: async () => `s${++n}`, logout: async () => {} },
      'vc',
    );
    const first = await holder.get();
    holder.invalidate(first);
    const second = await holder.get();
    holder.invalidate(first);
    expect(await holder.get()).toBe(second);
    expect(n).toBe(2);
  });

  it('lets a failed login be tried again', async () => {
    const login = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce('s');
    const holder = new SessionHolder({ login, logout: async () => {} }, 'vc');
    await expect(holder.get()).rejects.toThrow('down');
    await expect(holder.get()).resolves.toBe('s');
  });

  it('logs out once, waits for a login in flight, and refuses logins after close', async () => {
    const pending = deferred<string>();
    const logout = jest.fn(async () => {});
    const holder = new SessionHolder(
      { login: () => pending.promise, logout },
      'vc',
    );
    const caller = holder.get();
    const closed = Promise.all([holder.close(), holder.close()]);
    pending.resolve('late');
    await closed;
    await expect(caller).resolves.toBe('late');
    expect(logout).toHaveBeenCalledTimes(1);
    expect(logout).toHaveBeenCalledWith('late');
    await expect(holder.get()).rejects.toThrow(
      "The client of vCenter 'vc' is closed",
    );
  });

  it('lets one caller stop waiting without failing the shared login', async () => {
    const pending = deferred<string>();
    const holder = new SessionHolder(
      { login: () => pending.promise, logout: async () => {} },
      'vc',
    );
    const controller = new AbortController();
    const impatient = holder.get(controller.signal);
    const patient = holder.get();
    controller.abort();
    await expect(impatient).rejects.toThrow();
    pending.resolve('s');
    await expect(patient).resolves.toBe('s');
  });
});
