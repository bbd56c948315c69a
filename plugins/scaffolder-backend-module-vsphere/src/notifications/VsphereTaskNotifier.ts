import {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { JsonObject } from '@backstage/types';
import {
  ActionOutcome,
  entityPagePath,
  formatDuration,
  outcomeTitle,
  safeErrorText,
} from './outcomeText';

/**
 * The notification topic of every vSphere action run, so users can filter or mute it.
 * @public
 */
export const VSPHERE_NOTIFICATION_TOPIC = 'vsphere-provisioning';

/**
 * One finished (or failed, or cancelled) run of a `vsphere:*` action.
 * @public
 */
export interface ActionRunReport {
  actionId: string;
  taskId: string;
  input: JsonObject;
  /** What the action wrote with `ctx.output` before it ended. */
  outputs: JsonObject;
  /** User entity ref of whoever started the task, when known. */
  initiator?: string;
  outcome: ActionOutcome;
  error?: unknown;
  durationMs: number;
}

/**
 * Tells the initiator of a vSphere action, and the owning team when it is another entity, how
 * the run ended. A notification that cannot be sent is logged, never fails the task.
 *
 * @public
 */
export class VsphereTaskNotifier {
  private constructor(
    private readonly options: {
      notifications: NotificationService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      appBaseUrl: string;
    },
  ) {}

  /** Undefined when `vsphere.scaffolder.notifications.enabled` is false. */
  static fromConfig(
    config: RootConfigService,
    deps: {
      notifications: NotificationService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ): VsphereTaskNotifier | undefined {
    const enabled =
      config.getOptionalBoolean('vsphere.scaffolder.notifications.enabled') ??
      true;
    if (!enabled) return undefined;
    return new VsphereTaskNotifier({
      ...deps,
      appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
    });
  }

  async notify(report: ActionRunReport): Promise<void> {
    try {
      await this.send(report);
    } catch (error) {
      this.options.logger.warn(
        `Could not send the notification of ${report.actionId} in task ${
          report.taskId
        }: ${safeErrorText(error)}`,
      );
    }
  }

  private async send(report: ActionRunReport): Promise<void> {
    const { initiator, outcome } = report;
    const entityRef =
      typeof report.outputs.entityRef === 'string'
        ? report.outputs.entityRef
        : undefined;
    const taskPath = `/create/tasks/${encodeURIComponent(report.taskId)}`;
    const entityPath = entityRef ? entityPagePath(entityRef) : undefined;
    const title = outcomeTitle(report.actionId, report.input, outcome);
    const lines = [
      outcome === 'completed'
        ? `Finished in ${formatDuration(report.durationMs)}.`
        : `${
            outcome === 'failed' ? 'Failed' : 'Cancelled'
          } after ${formatDuration(report.durationMs)}${
            outcome === 'failed' ? `: ${safeErrorText(report.error)}` : '.'
          }`,
      entityPath ? `Catalog: ${this.absolute(entityPath)}` : undefined,
      `Task: ${this.absolute(taskPath)}`,
    ];
    const payload = {
      title,
      description: lines.filter(Boolean).join('\n'),
      // the created object on success; the task log, which says why, otherwise
      link: outcome === 'completed' && entityPath ? entityPath : taskPath,
      severity: outcome === 'failed' ? ('high' as const) : ('normal' as const),
      topic: VSPHERE_NOTIFICATION_TOPIC,
      metadata: {
        taskId: report.taskId,
        action: report.actionId,
        outcome,
        durationMs: report.durationMs,
        ...(entityRef ? { entityRef } : {}),
      },
    };

    if (initiator) {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: initiator },
        payload,
      });
    }
    const owner = await this.ownerOf(report, entityRef);
    if (owner && owner !== initiator) {
      await this.options.notifications.send({
        // a group resolves to its members; the initiator already has theirs
        recipients: {
          type: 'entity',
          entityRef: owner,
          ...(initiator ? { excludeEntityRef: initiator } : {}),
        },
        payload,
      });
    }
  }

  /** The owner chosen in the template, else the owner of the changed object's entity. */
  private async ownerOf(
    report: ActionRunReport,
    entityRef: string | undefined,
  ): Promise<string | undefined> {
    if (typeof report.input.owner === 'string' && report.input.owner) {
      return report.input.owner;
    }
    if (!entityRef) return undefined;
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    const owner = entity?.spec?.owner;
    return typeof owner === 'string' ? owner : undefined;
  }

  private absolute(path: string): string {
    return `${this.options.appBaseUrl.replace(/\/$/, '')}${path}`;
  }
}
