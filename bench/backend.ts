/*
 * A real Backstage backend for the HTTP benchmark (bench/http.ts starts it as a child process so
 * that its RSS is its own): catalog, permission framework with the allow-all policy, and either
 * our vsphere plugin (with signals and guest sign-in) or Backstage's Kubernetes plugin.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/backend.ts vsphere|kubernetes --config <file>
 *
 * It counts its own outgoing HTTP(S) requests by host:port and answers `{ type: 'counts' }`
 * messages on the IPC channel with them, so the parent can count upstream requests per view.
 */
import { installRequestCounter, sentRequests } from './common';

// before any client module is loaded, so every upstream request goes through the counter
installRequestCounter();

process.on('message', (message: any) => {
  if (message?.type === 'counts') {
    process.send?.({
      type: 'counts',
      counts: Object.fromEntries(sentRequests),
    });
  }
});
// a benchmark that died must not leave its backend behind
process.on('disconnect', () => process.exit(0));

import { createBackend } from '@backstage/backend-defaults';

const which = process.argv[2];
const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
if (which === 'vsphere') {
  backend.add(import('@backstage-vsphere/plugin-vsphere-backend'));
  // open pages hear of changes through signals (WebSocket), signed in as guest like the portal
  backend.add(import('@backstage/plugin-signals-backend'));
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
} else if (which === 'kubernetes') {
  backend.add(import('@backstage/plugin-kubernetes-backend'));
} else {
  throw new Error('usage: backend.ts vsphere|kubernetes --config <file>');
}
backend.start();
