// A service's port opened before the service loads, and its loading in pieces so that the port answers meanwhile.
export { openServicePort, servicePortFromEnv, type ServiceAddress, type ServicePort } from './service-port';
export { afterATurn } from './after-a-turn';
