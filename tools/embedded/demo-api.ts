import { demoUsersFromRealm, issueDevToken, type AuthSettings, type DevKeyPair } from '@pmo/auth';
import { join, resolve } from 'node:path';

/** Calls the services' public APIs as one demo user (the strategic admin unless told otherwise). */
export interface DemoApi {
  urls: Record<string, string>;
  call(method: string, url: string, body?: unknown, contentType?: string): Promise<unknown>;
  /** Waits until a GET answers 200: what one service learns from another's events arrives shortly after. */
  waitFor(url: string): Promise<void>;
}

export function demoApi(urls: Record<string, string>, keys: DevKeyPair, auth: AuthSettings, username = 'sam.strategic'): DemoApi {
  const users = demoUsersFromRealm(join(resolve(__dirname, '../..'), 'deploy', 'keycloak', 'pmo-realm.json'));
  const user = users.find((u) => u.username === username);
  if (!user) throw new Error(`demo user ${username} is missing from the realm file`);
  const token = issueDevToken(user, keys, { keycloakUrl: auth.keycloakUrl, realm: auth.realm, audience: ['strategic-pmo', 'program-pmo', 'project-pmo'] });
  return {
    urls,
    async call(method, url, body, contentType = 'application/json') {
      const response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as Uint8Array),
      });
      if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
      return response.json() as Promise<unknown>;
    },
    async waitFor(url) {
      for (let attempt = 0; attempt < 150; attempt++) {
        if ((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).ok) return;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`${url} did not answer within 15 s`);
    },
  };
}
