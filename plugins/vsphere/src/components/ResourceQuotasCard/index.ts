export { ResourceQuotasCard } from './ResourceQuotasCard';
