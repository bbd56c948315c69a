import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/** Who started the task, for audit events: a user entity ref or a service subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

/**
 * Throws NotAllowedError unless the permission policy allows the initiator a basic permission
 * (one with no object yet, such as creating a namespace). Changes to an existing object are
 * authorized on its catalog entity by `VsphereChangeAuthorizer` instead.
 */
export async function authorizeInitiator(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: BasicPermission;
  /** What is refused, e.g. `create Supervisor namespace 'team-a'`. */
  what: string;
}): Promise<void> {
  const { permissions, credentials, permission, what } = options;
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to ${what}: the permission policy denies '${permission.name}'`,
    );
  }
}
