import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { actorOf } from './guard';

/** Who started a change and from which task: the first fields of every action's audit event. */
export function initiatorMeta(
  ctx: { task: { id: string } },
  credentials: BackstageCredentials,
): JsonObject {
  return { actor: actorOf(credentials), taskId: ctx.task.id };
}

/**
 * Runs one change inside an audit event: success with the result's metadata, or failure with
 * the error. Only the change itself is wrapped, so a skipped change writes no event.
 */
export async function audited<T>(
  auditor: AuditorService,
  event: { eventId: string; meta: JsonObject },
  change: () => Promise<T>,
): Promise<T> {
  const audit = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: 'medium',
    meta: event.meta,
  });
  try {
    const result = await change();
    await audit.success();
    return result;
  } catch (error) {
    await audit.fail({ error: error as Error });
    throw error;
  }
}
