import { mockServices } from '@backstage/backend-test-utils';
import { WaitObservation, waitFor } from './waitFor';

describe('waitFor', () => {
  const logger = mockServices.logger.mock();
  beforeEach(() => jest.clearAllMocks());

  it('logs each new state and returns the value once done', async () => {
    const states = ['CONFIGURING', 'CONFIGURING', 'RUNNING'];
    const value = await waitFor({
      what: "namespace 'a' to be RUNNING",
      observe: async () => {
        const state = states.shift()!;
        return { state, done: state === 'RUNNING', value: state };
      },
      timeoutMs: 5_000,
      intervalMs: 1,
      logger,
    });
    expect(value).toBe('RUNNING');
    const lines = logger.info.mock.calls.map(c => c[0]);
    expect(lines[0]).toBe("Waiting up to 5s for namespace 'a' to be RUNNING");
    expect(lines.filter(l => l.startsWith('CONFIGURING'))).toHaveLength(1);
    expect(lines[lines.length - 1]).toMatch(/^Done after 0s: RUNNING$/);
  });

  it('fails on a terminal state with its reason', async () => {
    await expect(
      waitFor({
        what: "namespace 'a' to be RUNNING",
        observe: async () => ({
          state: 'ERROR',
          done: false,
          failed: 'vCenter reports config status ERROR: no storage',
          value: undefined,
        }),
        timeoutMs: 5_000,
        intervalMs: 1,
        logger,
      }),
    ).rejects.toThrow(
      "Gave up waiting for namespace 'a' to be RUNNING: vCenter reports config status ERROR: no storage",
    );
  });

  it('retries failed reads and times out with the last state', async () => {
    let calls = 0;
    await expect(
      waitFor({
        what: "VM 'a' to be PoweredOn",
        observe: async () => {
          calls++;
          if (calls === 1) {
            throw new Error('connection reset');
          }
          return { state: 'power state PoweredOff', done: false, value: 0 };
        },
        timeoutMs: 50,
        intervalMs: 10,
        logger,
      }),
    ).rejects.toThrow(
      "Timed out after 0s waiting for VM 'a' to be PoweredOn; last state: power state PoweredOff",
    );
    expect(calls).toBeGreaterThan(2);
    expect(logger.warn).toHaveBeenCalledWith(
      'Reading the state failed, retrying: Error: connection reset',
    );
  });

  it('stops at once when the signal aborts during the pause between reads', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = waitFor({
      what: "VM 'a' to be PoweredOn",
      observe: async () => ({ state: 'off', done: false, value: 0 }),
      timeoutMs: 60_000,
      intervalMs: 30_000,
      logger,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toMatchObject({
      name: 'AbortError',
      message: "Cancelled while waiting for VM 'a' to be PoweredOn",
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops when the signal aborts a read in flight', async () => {
    const controller = new AbortController();
    const waiting = waitFor({
      what: 'x',
      observe: signal =>
        new Promise<WaitObservation<number>>((_, reject) =>
          signal!.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      timeoutMs: 60_000,
      intervalMs: 10,
      logger,
      signal: controller.signal,
    });
    controller.abort();
    await expect(waiting).rejects.toThrow('Cancelled while waiting for x');
  });
});
