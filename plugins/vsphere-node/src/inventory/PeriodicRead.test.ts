import { PeriodicRead } from './PeriodicRead';

describe('PeriodicRead', () => {
  it('reads once for many users and reports a change only when the value changed', async () => {
    let answer = { quota: 1 };
    const read = jest.fn(async () => answer);
    const changes: unknown[] = [];
    const periodic = new PeriodicRead(read, {
      intervalMs: 60_000,
      idleMs: 600_000,
      onChange: v => changes.push(v),
    });
    const [a, b] = await Promise.all([periodic.get(1000), periodic.get(1000)]);
    expect(a).toEqual({ quota: 1 });
    expect(b).toBe(a);
    expect(read).toHaveBeenCalledTimes(1);

    await periodic.refresh();
    expect(changes).toEqual([]);
    answer = { quota: 2 };
    await periodic.refresh();
    expect(changes).toEqual([{ quota: 2 }]);
    periodic.stop();
  });

  it('keeps the last value when a later read fails, and says why', async () => {
    const read = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockRejectedValueOnce(new Error('vCenter is down'));
    const periodic = new PeriodicRead(read, {
      intervalMs: 60_000,
      idleMs: 600_000,
    });
    await periodic.get(1000);
    await periodic.refresh();
    await expect(periodic.get(1000)).resolves.toBe('first');
    expect(periodic.lastError()?.message).toBe('vCenter is down');
    periodic.stop();
  });

  it('fails with the read error when it never had a value', async () => {
    const periodic = new PeriodicRead(
      () => Promise.reject(new Error('refused')),
      { intervalMs: 60_000, idleMs: 600_000 },
    );
    await expect(periodic.get(1000)).rejects.toThrow('refused');
    periodic.stop();
  });

  it('makes only the first callers wait for a read that does not answer', async () => {
    const read = jest.fn(() => new Promise<string>(() => {}));
    const periodic = new PeriodicRead(read, {
      intervalMs: 60_000,
      idleMs: 600_000,
    });
    const started = Date.now();
    await expect(periodic.get(300)).rejects.toThrow(
      'no answer within the deadline',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const later = Date.now();
    await expect(periodic.get(300)).rejects.toThrow(
      'no answer within the deadline',
    );
    // the deadline passed once: the next page is not held up again by the same hung read
    expect(Date.now() - later).toBeLessThan(100);
    expect(read).toHaveBeenCalledTimes(1);
    periodic.stop();
  });

  it('answers with the failure at once after a failed first read, and tries again once per deadline', async () => {
    const read = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('timed out after 300ms'))
      .mockRejectedValueOnce(new Error('timed out after 300ms'))
      .mockResolvedValue('back');
    const periodic = new PeriodicRead(read, {
      intervalMs: 60_000,
      idleMs: 600_000,
    });
    await expect(periodic.get(300)).rejects.toThrow('timed out');
    const later = Date.now();
    await expect(periodic.get(300)).rejects.toThrow('timed out');
    await expect(periodic.get(300)).rejects.toThrow('timed out');
    expect(Date.now() - later).toBeLessThan(100);
    expect(read).toHaveBeenCalledTimes(1);

    await new Promise(resolve => setTimeout(resolve, 300));
    await expect(periodic.get(300)).rejects.toThrow('timed out');
    expect(read).toHaveBeenCalledTimes(2);
    await new Promise(resolve => setTimeout(resolve, 300));
    await expect(periodic.get(300)).rejects.toThrow('timed out');
    await periodic.refresh();
    await expect(periodic.get(300)).resolves.toBe('back');
    periodic.stop();
  });
});
