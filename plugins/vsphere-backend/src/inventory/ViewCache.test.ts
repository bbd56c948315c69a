import { ViewCache } from './ViewCache';

const demo = { vcenter: 'vc', supervisor: 'sv', namespace: 'demo' };
const other = { ...demo, namespace: 'other' };

function counter() {
  let builds = 0;
  const build = jest.fn(async () => ({ build: ++builds }));
  return build;
}

describe('ViewCache', () => {
  afterEach(() => jest.useRealTimers());

  it('builds a view once for many callers, also for callers at the same time', async () => {
    const cache = new ViewCache<{ build: number }>({
      maxEntries: 10,
      maxAgeMs: 60_000,
    });
    const build = counter();
    const views = await Promise.all(
      [1, 2, 3].map(() => cache.get(demo, 'page', build, () => true)),
    );
    expect(views.map(v => v.build)).toEqual([1, 1, 1]);
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(1);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("builds again after its namespace changed, not after another namespace's change", async () => {
    const cache = new ViewCache<{ build: number }>({
      maxEntries: 10,
      maxAgeMs: 60_000,
    });
    const build = counter();
    await cache.get(demo, 'page', build, () => true);
    cache.onChange({ ...other, kinds: ['VirtualMachine'] });
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(1);
    cache.onChange({ ...demo, kinds: ['health'] });
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(2);
  });

  it('does not keep a view the caller says is partial, nor one built across a change', async () => {
    const cache = new ViewCache<{ build: number }>({
      maxEntries: 10,
      maxAgeMs: 60_000,
    });
    const build = counter();
    await cache.get(demo, 'page', build, () => false);
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(2);

    const slow = jest.fn(async () => {
      cache.onChange({ ...other, kinds: ['Machine'] });
      cache.onChange({ ...demo, kinds: ['Machine'] });
      return { build: 100 };
    });
    cache.onChange({ ...demo, kinds: ['Machine'] });
    await cache.get(demo, 'page', slow, () => true);
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(3);
  });

  it('builds again once a view is older than its age cap', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = new ViewCache<{ build: number }>({
      maxEntries: 10,
      maxAgeMs: 5_000,
    });
    const build = counter();
    await cache.get(demo, 'page', build, () => true);
    jest.setSystemTime(4_999);
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(1);
    jest.setSystemTime(5_000);
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(2);
  });

  it('holds at most its number of entries, dropping the oldest', async () => {
    const cache = new ViewCache<{ build: number }>({
      maxEntries: 2,
      maxAgeMs: 60_000,
    });
    const build = counter();
    await cache.get(demo, 'a', build, () => true);
    await cache.get(demo, 'b', build, () => true);
    await cache.get(demo, 'c', build, () => true);
    expect((await cache.get(demo, 'c', build, () => true)).build).toBe(3);
    expect((await cache.get(demo, 'b', build, () => true)).build).toBe(2);
    expect((await cache.get(demo, 'a', build, () => true)).build).toBe(4);
  });

  it('lets a failed build fail its callers and builds again on the next view', async () => {
    const cache = new ViewCache<{ build: number }>({
      maxEntries: 10,
      maxAgeMs: 60_000,
    });
    const failing = jest.fn(async () => {
      throw new Error('vCenter refused');
    });
    await expect(cache.get(demo, 'page', failing, () => true)).rejects.toThrow(
      'vCenter refused',
    );
    const build = counter();
    expect((await cache.get(demo, 'page', build, () => true)).build).toBe(1);
  });
});
