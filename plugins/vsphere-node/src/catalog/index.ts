export { vsphereEntityName, vsphereEntityRef } from './entityNames';
export type { VsphereObjectIdentity } from './entityNames';
