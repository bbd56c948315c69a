import { SourceError } from '@backstage-vsphere/plugin-vsphere-common';

/** A failed source in words: which upstream, and what to do about it. */
export interface SourceErrorDescription {
  title: string;
  advice: string;
}

/** `vcenter:vc-east` -> `vCenter vc-east`; `supervisor:vc-east/sv-1` -> `Supervisor vc-east/sv-1`. */
function sourceLabel(source: string): string {
  const [kind, ...rest] = source.split(':');
  const name = rest.join(':');
  if (kind === 'vcenter') return `vCenter ${name}`;
  if (kind === 'supervisor') return `Supervisor ${name}`;
  return source;
}

/** Names the upstream that failed and the step most likely to fix it. */
export function describeSourceError(
  error: SourceError,
): SourceErrorDescription {
  const label = sourceLabel(error.source);
  const title = `Could not read ${label}`;
  switch (error.name) {
    case 'StaleSourceError':
      return {
        title: `${label} stopped sending updates`,
        advice: `What ${label} last sent is shown and may be out of date. The page updates by itself when ${label} answers again; if it stays like this, check that it is up and reachable from the Backstage backend.`,
      };
    case 'AuthenticationError':
    case 'NotAllowedError':
      return {
        title,
        advice: `${label} refused the Backstage backend's credentials. Ask your Backstage admin to check the account configured for it under vsphere.vcenters and its permissions.`,
      };
    case 'NotFoundError':
      return {
        title,
        advice: `${label} does not know this object. Check the entity's vsphere.vmware.com annotations against what exists in vSphere.`,
      };
    default:
      return {
        title,
        advice: `Check that ${label} is up and reachable from the Backstage backend. The rest of this page shows what did load; refresh to try again.`,
      };
  }
}
