import { createPmoClients, type PmoClients } from '@pmo/api-contracts/browser';
import { useMemo } from 'react';
import { useSession } from '../auth/AuthProvider';

// The three APIs behind the app's own origin, at the gateway's prefixes (the same in every mode).
const baseUrls = {
  strategic: `${window.location.origin}/api/strategic`,
  program: `${window.location.origin}/api/program`,
  project: `${window.location.origin}/api/project`,
};

/** Typed clients of the three services, each call carrying the session's current access token. */
export function usePmo(): PmoClients {
  const session = useSession();
  return useMemo(() => {
    const clients = createPmoClients(baseUrls);
    const bearer = {
      async onRequest({ request }: { request: Request }) {
        request.headers.set('authorization', `Bearer ${await session.accessToken()}`);
        return request;
      },
    };
    clients.strategic.use(bearer);
    clients.program.use(bearer);
    clients.project.use(bearer);
    return clients;
  }, [session]);
}

/** The plain URL of a service route, for downloads (CSV) that the browser fetches itself. */
export function apiUrl(service: keyof typeof baseUrls, path: string): string {
  return `${baseUrls[service]}${path}`;
}
