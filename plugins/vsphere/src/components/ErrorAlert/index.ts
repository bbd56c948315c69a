export { ErrorAlert } from './ErrorAlert';
