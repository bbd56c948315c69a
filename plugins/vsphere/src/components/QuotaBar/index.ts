export { QuotaBar } from './QuotaBar';
