import { readSource } from './deadline';

describe('readSource', () => {
  it('returns the value of a source that answers in time', async () => {
    await expect(
      readSource('vcenter:a', 1000, async () => 42),
    ).resolves.toEqual({ ok: true, value: 42 });
  });

  it('turns a hung source into an error entry at the deadline and aborts it', async () => {
    let aborted = false;
    const started = Date.now();
    const result = await readSource(
      'supervisor:a/b',
      50,
      signal =>
        new Promise(() => {
          signal.addEventListener('abort', () => (aborted = true));
        }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(aborted).toBe(true);
    expect(result).toEqual({
      ok: false,
      error: {
        source: 'supervisor:a/b',
        name: 'ServiceUnavailableError',
        message: 'supervisor:a/b did not answer within 50 ms',
      },
    });
  });

  it('keeps the error class and message of a failed source', async () => {
    const result = await readSource('vcenter:a', 1000, async () => {
      const error = new Error('connect ECONNREFUSED');
      error.name = 'ServiceUnavailableError';
      throw error;
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        name: 'ServiceUnavailableError',
        message: 'connect ECONNREFUSED',
      },
    });
  });
});
