/** The platform's services: each emits its events under the CloudEvents source `/pmo/<service>`. */
export const PMO_SERVICES = ['strategic-pmo', 'program-pmo', 'project-pmo'] as const;

export type PmoService = (typeof PMO_SERVICES)[number];

/** The CloudEvents `source` of a service's events. */
export function eventSourceOf(service: string): string {
  return `/pmo/${service}`;
}
