import { ServiceUnavailableError } from '@backstage/errors';
import { SourceError } from '@backstage-vsphere/plugin-vsphere-common';

/** A result from one upstream source, or why it is missing. */
export type SourceResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: SourceError };

/**
 * Runs one upstream read with its own deadline, so a hung source costs the page at most
 * `deadlineMs` and comes back as an error entry instead of failing the whole page.
 */
export async function readSource<T>(
  source: string,
  deadlineMs: number,
  read: (signal: AbortSignal) => Promise<T>,
): Promise<SourceResult<T>> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new ServiceUnavailableError(
          `${source} did not answer within ${deadlineMs} ms`,
        ),
      );
    }, deadlineMs);
  });
  try {
    const value = await Promise.race([read(controller.signal), deadline]);
    return { ok: true, value };
  } catch (error) {
    const e = error as Error;
    return {
      ok: false,
      error: {
        source,
        name: e?.name ?? 'Error',
        message: e?.message ?? String(error),
      },
    };
  } finally {
    clearTimeout(timer);
  }
}
