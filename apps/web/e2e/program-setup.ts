import type { APIRequestContext } from '@playwright/test';
import { call, expect, tokenFor } from './fixtures';

// Setup the program PMO's screens need from other offices (a project's proposal), and look-ups of ids, made
// through the APIs on the app's own origin with a demo user's token from the evaluation sign-in.

export interface FsmIds {
  token: string;
  programId: string;
  ledgerProjectId: string;
  reportingVersionId: string;
}

/** The fsm program, its General Ledger Cut-over project and the status-reporting version in force, as paula.program sees them. */
export async function fsmIds(request: APIRequestContext): Promise<FsmIds> {
  const token = await tokenFor(request, 'paula.program');
  const programs = await call<{ id: string; code: string }[]>(request, token, 'GET', '/api/program/programs');
  const programId = programs.find((p) => p.code === 'fsm')?.id ?? '';
  const projects = await call<{ projectId: string; name: string }[]>(request, token, 'GET', `/api/program/programs/${programId}/projects`);
  const standards = await call<{ key: string; versionId: string; inForce: boolean }[]>(request, token, 'GET', `/api/program/programs/${programId}/standards`);
  return {
    token,
    programId,
    ledgerProjectId: projects.find((p) => p.name === 'General Ledger Cut-over')?.projectId ?? '',
    reportingVersionId: standards.find((s) => s.key === 'status-reporting' && s.inForce)?.versionId ?? '',
  };
}

/** pete.project proposes a variance for the ledger project; returns once the program PMO sees it. */
export async function proposeVariance(request: APIRequestContext, ids: FsmIds, justification: string): Promise<void> {
  const pete = await tokenFor(request, 'pete.project');
  await call(request, pete, 'POST', `/api/project/projects/${ids.ledgerProjectId}/variance-proposals`, {
    versionId: ids.reportingVersionId,
    requirementIds: ['STATUS-CADENCE'],
    deviations: [{ requirementId: 'STATUS-CADENCE', value: 28 }],
    justification,
    risk: { likelihood: 2, impact: 2 },
    compensatingControls: ['Weekly call with the program sponsor'],
    expiresOn: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  });
  await expect
    .poll(async () => {
      const proposals = await call<{ justification: string }[]>(request, ids.token, 'GET', `/api/program/programs/${ids.programId}/variance-proposals`);
      return proposals.some((p) => p.justification === justification);
    })
    .toBe(true);
}

/**
 * paula.program requests a variance for the ledger project through the API, and sam.strategic decides it
 * (approved or rejected); returns once the program's view shows the decision.
 */
export async function decidedVariance(request: APIRequestContext, ids: FsmIds, justification: string, outcome: 'approved' | 'rejected'): Promise<void> {
  const { id } = await call<{ id: string }>(request, ids.token, 'POST', `/api/program/programs/${ids.programId}/variances`, {
    versionId: ids.reportingVersionId,
    requirementIds: ['STATUS-CADENCE'],
    deviations: [{ requirementId: 'STATUS-CADENCE', value: 21 }],
    projectIds: [ids.ledgerProjectId],
    justification,
    risk: { likelihood: 2, impact: 2 },
    compensatingControls: ['Weekly call with the program sponsor'],
    expiresOn: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  });
  const sam = await tokenFor(request, 'sam.strategic');
  await expect.poll(async () => (await request.get(`/api/strategic/variances/${id}`, { headers: { authorization: `Bearer ${sam}` } })).status()).toBe(200);
  await call(request, sam, 'POST', `/api/strategic/variances/${id}/review`);
  await call(request, sam, 'POST', `/api/strategic/variances/${id}/decide`, { outcome, reason: `Decided ${outcome} for the test` });
  await expect
    .poll(async () => (await call<{ state: string }>(request, ids.token, 'GET', `/api/program/programs/${ids.programId}/variances/${id}`)).state)
    .toBe(outcome);
}
