export { MonitoringLinks } from './MonitoringLinks';
