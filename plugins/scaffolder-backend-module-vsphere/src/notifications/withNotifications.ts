import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonObject, JsonValue } from '@backstage/types';
import { VsphereTaskNotifier } from './VsphereTaskNotifier';

/**
 * The action with a notification when its run ends: completed when the handler returns, failed
 * when it throws, cancelled as soon as the task's abort signal fires. Dry runs stay silent.
 *
 * @public
 */
export function withNotifications<T extends TemplateAction<any, any, any>>(
  action: T,
  notifier: VsphereTaskNotifier,
): T {
  const handler: T['handler'] = async ctx => {
    if (ctx.isDryRun) {
      await action.handler(ctx);
      return;
    }
    const started = Date.now();
    const outputs: Record<string, JsonValue> = {};
    let sent = false;
    const report = (
      outcome: 'completed' | 'failed' | 'cancelled',
      error?: unknown,
    ) => {
      if (sent) return Promise.resolve();
      sent = true;
      return notifier.notify({
        actionId: action.id,
        taskId: ctx.task.id,
        input: ctx.input as JsonObject,
        outputs,
        initiator: ctx.user?.ref,
        outcome,
        error,
        durationMs: Date.now() - started,
      });
    };
    const onAbort = () => void report('cancelled');
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await action.handler({
        ...ctx,
        output(name: string, value: JsonValue) {
          outputs[name] = value;
          ctx.output(name, value);
        },
      });
      await report(ctx.signal?.aborted ? 'cancelled' : 'completed');
    } catch (error) {
      await report(ctx.signal?.aborted ? 'cancelled' : 'failed', error);
      throw error;
    } finally {
      ctx.signal?.removeEventListener('abort', onAbort);
    }
  };
  return { ...action, handler };
}
