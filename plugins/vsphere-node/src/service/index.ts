export { VsphereClients } from './VsphereClients';
export { vsphereClientsServiceRef } from './vsphereClientsServiceRef';
