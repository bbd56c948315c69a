import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { audited } from './audit';

/** The parts of the action context the create flow uses. */
interface CreateContext {
  isDryRun?: boolean;
  logger: LoggerService;
  checkpoint<T extends JsonObject>(options: {
    key: string;
    fn: () => Promise<T>;
  }): Promise<T>;
}

/** What one create action creates and how. */
export interface CreateOnceOptions<T> {
  ctx: CreateContext;
  /** e.g. `VM 'web-1'`; begins the log lines, so written as a sentence starts. */
  what: string;
  /** What would be created, for the log: `VM 'web-1' in namespace 'demo' (class ...)`. */
  summary: string;
  /** Keys the checkpoint, so a retried task does not create twice. */
  checkpointKey: string;
  /** The existing object when it matches the input, undefined when absent; throws when it differs. */
  findExisting: () => Promise<T | undefined>;
  auditor: AuditorService;
  audit: { eventId: string; meta: JsonObject };
  create: () => Promise<unknown>;
  /** The verb in the log lines; node pools are added, not created. */
  verb?: { base: string; gerund: string };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The flow every create action shares. A dry run looks for the object and says what would
 * happen; a real run creates it once: checkpointed, skipped when it already exists as asked,
 * and audited. Resolves `dryRun` with the existing object (if any) for the dry run's outputs.
 */
export async function createOnce<T>(
  options: CreateOnceOptions<T>,
): Promise<
  { dryRun: true; existing?: T } | { dryRun: false; created: boolean }
> {
  const { ctx, what, summary } = options;
  const verb = options.verb ?? { base: 'create', gerund: 'creating' };
  if (ctx.isDryRun) {
    const existing = await options.findExisting();
    ctx.logger.info(
      existing
        ? `Dry run: ${what} already exists as asked; nothing would change`
        : `Dry run: would ${verb.base} ${summary}`,
    );
    return { dryRun: true, existing };
  }
  const { created } = await ctx.checkpoint({
    key: options.checkpointKey,
    fn: async () => {
      if (await options.findExisting()) {
        ctx.logger.info(
          `${capitalized(what)} already exists as asked; not ${
            verb.gerund
          } it again`,
        );
        return { created: false };
      }
      ctx.logger.info(`${capitalized(verb.gerund)} ${summary}`);
      await audited(options.auditor, options.audit, options.create);
      return { created: true };
    },
  });
  return { dryRun: false, created };
}
