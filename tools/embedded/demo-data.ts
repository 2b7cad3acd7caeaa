import { demoUsersFromRealm, issueDevToken, type AuthSettings, type DevKeyPair } from '@pmo/auth';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';

// Programs and projects named after the domain sources: a financial-system migration with its
// customer/provider PMO work, an HR modernisation, and a regulated payments programme.
const DEMO_PROGRAMS = [
  {
    name: 'Financial System Migration',
    description: 'Migrate the core financial system to a shared-service provider, with joint customer and provider PMOs.',
    tags: ['finance', 'migration'],
    projects: [
      { name: 'Establish Customer PMO Processes', phase: 'execution', tags: ['pmo-setup'] },
      { name: 'Integrate Customer and Provider PMOs', phase: 'planning', tags: ['pmo-setup'] },
      { name: 'General Ledger Cut-over', phase: 'initiation', tags: ['cut-over'] },
      { name: 'Independent Verification and Validation', phase: 'planning', tags: ['quality'] },
    ],
  },
  {
    name: 'HR Modernisation',
    description: 'Replace payroll and time-keeping with a provider service.',
    tags: ['hr'],
    projects: [
      { name: 'Payroll Provider Onboarding', phase: 'execution', tags: [] },
      { name: 'Time and Attendance Roll-out', phase: 'initiation', tags: [] },
    ],
  },
  {
    name: 'Regulated Payments Platform',
    description: 'Payments under a banking regulator; its methodology must satisfy regulator demands.',
    tags: ['regulated', 'finance'],
    projects: [
      { name: 'Payment Gateway Replacement', phase: 'planning', tags: ['regulated'] },
      { name: 'Regulatory Reporting Automation', phase: 'closing', tags: ['regulated'] },
    ],
  },
] as const;

/** Loads the demo portfolio through the public HTTP APIs, once (skipped when programs already exist). */
export async function loadDemoData(urls: Record<string, string>, keys: DevKeyPair, auth: AuthSettings, logger: Logger): Promise<void> {
  const users = demoUsersFromRealm(join(resolve(__dirname, '../..'), 'deploy', 'keycloak', 'pmo-realm.json'));
  const tokenOf = (username: string) => {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`demo user ${username} is missing from the realm file`);
    return issueDevToken(user, keys, { keycloakUrl: auth.keycloakUrl, realm: auth.realm, audience: ['strategic-pmo', 'program-pmo', 'project-pmo'] });
  };
  const call = async (url: string, token: string, body?: unknown) => {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };

  const admin = tokenOf('sam.strategic');
  const existing = (await call(`${urls['program-pmo']}/programs`, admin)) as unknown[];
  if (existing.length > 0) return;
  for (const program of DEMO_PROGRAMS) {
    const { id } = (await call(`${urls['program-pmo']}/programs`, admin, { name: program.name, description: program.description, tags: program.tags })) as { id: string };
    await waitUntilKnown(urls['project-pmo'], admin, id);
    for (const project of program.projects) await call(`${urls['project-pmo']}/projects`, admin, { programId: id, ...project });
  }
  logger.info({ programs: DEMO_PROGRAMS.length }, 'demo data loaded');
}

// project-pmo learns of a program from its event; a project can only join a program it knows.
async function waitUntilKnown(projectPmoUrl: string, token: string, programId: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(`${projectPmoUrl}/programs/${programId}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`project-pmo did not learn of program ${programId} within 15 s`);
}
