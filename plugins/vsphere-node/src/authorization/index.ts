export { VsphereChangeAuthorizer } from './VsphereChangeAuthorizer';
export type {
  AuthorizeChangeOptions,
  ChangedObject,
} from './VsphereChangeAuthorizer';
export { ingestedLocation, isIngestedEntityOf } from './ingestedEntity';
