// Apart from the bootstrap, so that the entry point can open the port before loading the service.
export const SERVICE_NAME = 'project-pmo';
export const DEFAULT_PORT = 3003;
