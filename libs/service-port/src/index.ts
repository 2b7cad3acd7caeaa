export { openServicePort, servicePortFromEnv, type ServiceAddress, type ServicePort } from './service-port';
