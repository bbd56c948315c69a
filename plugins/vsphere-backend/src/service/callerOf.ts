import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who the credentials name: a user by entity ref, a service by subject, else only the type. */
export function callerOf(credentials: BackstageCredentials): {
  type: string;
  name?: string;
} {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return {
    type: principal.type,
    name: principal.userEntityRef ?? principal.subject,
  };
}
