export { vspherePlugin as default } from './plugin';
