/**
 * Where the browser reaches each service behind the one origin: the same paths in the embedded mode, the
 * distributed mode and the Helm chart's Ingress. The prefix is stripped before the request reaches the service.
 */
export const API_PREFIXES = {
  strategic: '/api/strategic',
  program: '/api/program',
  project: '/api/project',
} as const;
