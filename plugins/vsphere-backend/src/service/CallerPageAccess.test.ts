import { mockCredentials } from '@backstage/backend-test-utils';
import { CallerPageAccess } from './CallerPageAccess';

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');
const nobody = mockCredentials.none();

describe('CallerPageAccess', () => {
  it('asks once per caller and key within the TTL, concurrent asks included', async () => {
    const access = new CallerPageAccess({ ttlMs: 60_000 });
    const compute = jest.fn(async () => 'decided');
    await Promise.all([
      access.remember(alice, 'page:a', compute),
      access.remember(alice, 'page:a', compute),
    ]);
    await access.remember(alice, 'page:a', compute);
    expect(compute).toHaveBeenCalledTimes(1);

    await access.remember(bob, 'page:a', compute);
    await access.remember(alice, 'page:b', compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('never keeps a failure or denial, and never remembers an anonymous caller', async () => {
    const access = new CallerPageAccess({ ttlMs: 60_000 });
    const denied = jest.fn(async () => {
      throw new Error('Not allowed');
    });
    await expect(access.remember(alice, 'page:a', denied)).rejects.toThrow();
    await expect(access.remember(alice, 'page:a', denied)).rejects.toThrow();
    expect(denied).toHaveBeenCalledTimes(2);

    const compute = jest.fn(async () => 'decided');
    await access.remember(nobody, 'page:a', compute);
    await access.remember(nobody, 'page:a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('asks again once the TTL passed, and every time with a TTL of 0', async () => {
    const access = new CallerPageAccess({ ttlMs: 30 });
    const compute = jest.fn(async () => 'decided');
    await access.remember(alice, 'page:a', compute);
    await new Promise(r => setTimeout(r, 60));
    await access.remember(alice, 'page:a', compute);
    expect(compute).toHaveBeenCalledTimes(2);

    const off = new CallerPageAccess({ ttlMs: 0 });
    await off.remember(alice, 'page:a', compute);
    await off.remember(alice, 'page:a', compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });
});
