import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { call, signInAs, tokenFor } from './fixtures';

// Setup that is not the oversight screens' own: the program side's requests, through its API on the app's
// origin, with a token from the embedded evaluation sign-in.

interface FsmProgram {
  programId: string;
  versionId: string;
  projectId: string;
}

/** The demo program fsm, its status-reporting version in force and one of its projects. */
async function fsmProgram(request: APIRequestContext, token: string): Promise<FsmProgram> {
  const programs = await call<{ id: string; code?: string }[]>(request, token, 'GET', '/api/program/programs');
  const program = programs.find((p) => p.code === 'fsm');
  if (!program) throw new Error('the demo program fsm is missing');
  const standards = await call<{ key: string; versionId: string; inForce: boolean }[]>(request, token, 'GET', `/api/program/programs/${program.id}/standards`);
  const reporting = standards.find((s) => s.key === 'status-reporting' && s.inForce);
  if (!reporting) throw new Error('status-reporting is not in force for fsm');
  const projects = await call<{ projectId: string }[]>(request, token, 'GET', `/api/program/programs/${program.id}/projects`);
  return { programId: program.id, versionId: reporting.versionId, projectId: projects[0].projectId };
}

/** A variance request from the program (as `username`), once the strategic PMO has received it. */
export async function requestVariance(request: APIRequestContext, username: string, justification: string): Promise<string> {
  const token = await tokenFor(request, username);
  const fsm = await fsmProgram(request, token);
  const expiresOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const { id } = await call<{ id: string }>(request, token, 'POST', `/api/program/programs/${fsm.programId}/variances`, {
    versionId: fsm.versionId,
    requirementIds: ['STATUS-CADENCE'],
    deviations: [{ requirementId: 'STATUS-CADENCE', value: 21 }],
    projectIds: [fsm.projectId],
    justification,
    risk: { likelihood: 2, impact: 3 },
    compensatingControls: ['Fortnightly call with the program sponsor'],
    expiresOn,
  });
  const reader = await tokenFor(request, 'rita.reviewer');
  await expect
    .poll(async () => (await request.get(`/api/strategic/variances/${id}`, { headers: { authorization: `Bearer ${reader}` } })).status(), { timeout: 30_000 })
    .toBe(200);
  return id;
}

/** Feedback from the program on status-reporting, once the strategic PMO has received it. */
export async function sendFeedback(request: APIRequestContext, text: string): Promise<string> {
  const token = await tokenFor(request, 'paula.program');
  const fsm = await fsmProgram(request, token);
  const { id } = await call<{ id: string }>(request, token, 'POST', `/api/program/programs/${fsm.programId}/feedback`, {
    versionId: fsm.versionId,
    category: 'unclear',
    text,
    about: ['STATUS-CADENCE'],
  });
  const reader = await tokenFor(request, 'rita.reviewer');
  await expect
    .poll(
      async () => {
        const items = (await (await request.get('/api/strategic/feedback', { headers: { authorization: `Bearer ${reader}` } })).json()) as { id: string }[];
        return items.some((f) => f.id === id);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return id;
}

/** A page of its own, signed in as `username` (each person in a browser context of their own). */
export async function pageAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, username);
  return page;
}

/** Where the README's screenshots live (docs/screenshots at the repository's root). */
export function screenshotPath(name: string): string {
  return resolve(__dirname, '../../../docs/screenshots', name);
}
