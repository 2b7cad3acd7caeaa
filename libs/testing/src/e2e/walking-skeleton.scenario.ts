import type { ProgramPmoSchemas, ProjectPmoSchemas } from '@pmo/api-contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, pmoClients } from '../typed-clients';

export interface ServiceUrls {
  strategic: string;
  program: string;
  project: string;
}

type Program = ProgramPmoSchemas['schemas']['ProgramResponse'];
type Project = ProjectPmoSchemas['schemas']['ProjectResponse'];

/**
 * The walking skeleton through the public HTTP APIs only, with the typed clients of @pmo/api-contracts:
 * program-pmo registers a program, project-pmo a project in it, program-pmo lists it, strategic-pmo counts
 * it, each from events.
 */
export async function runWalkingSkeleton(urls: ServiceUrls, token: string): Promise<{ program: Program; project: Project }> {
  const api = pmoClients(urls, token);
  const suffix = randomUUID().slice(0, 8);
  const name = `Financial System Migration ${suffix}`;
  // Sent with an Idempotency-Key, as a client that may retry sends them: each is sent again below, as after a
  // dropped connection, and gets the first call's program or project back (one event, one project listed).
  const registerProgram = () =>
    api.program.POST('/programs', {
      params: { header: { 'idempotency-key': `program-${suffix}` } },
      body: { name, description: 'core financials to a shared-service provider', tags: ['finance'] },
    });
  const created = await registerProgram();
  expect(created.response.status).toBe(201);
  const program: Program = dataOf(created);
  const programRetried = await registerProgram();
  expect([programRetried.response.status, dataOf(programRetried).id]).toEqual([201, program.id]);

  // project-pmo accepts the project once it has heard of the program (from program.registered).
  const registerProject = () =>
    api.project.POST('/projects', {
      params: { header: { 'idempotency-key': `project-${suffix}` } },
      body: { programId: program.id, name: 'General Ledger Cut-over', phase: 'planning', tags: ['cut-over'], startDate: '2027-01-04', endDate: '2027-12-17' },
    });
  const project: Project = await eventually(async () => {
    const answer = await registerProject();
    expect(answer.response.status).toBe(201);
    return dataOf(answer);
  });
  expect(project).toMatchObject({ programId: program.id, startDate: '2027-01-04', endDate: '2027-12-17' });
  const projectRetried = await registerProject();
  expect([projectRetried.response.status, dataOf(projectRetried).id]).toEqual([201, project.id]);

  await eventually(async () => {
    const listed = await api.program.GET('/programs/{programId}/projects', { params: { path: { programId: program.id } } });
    expect(listed.response.status).toBe(200);
    expect(dataOf(listed).map((p) => p.projectId)).toEqual([project.id]);
  });
  await eventually(async () => {
    const portfolio = await api.strategic.GET('/portfolio/programs');
    expect(portfolio.response.status).toBe(200);
    expect(dataOf(portfolio).find((p) => p.programId === program.id)).toEqual({
      programId: program.id,
      code: program.code,
      name,
      tags: ['finance'],
      projectCount: 1,
    });
  });
  return { program, project };
}
