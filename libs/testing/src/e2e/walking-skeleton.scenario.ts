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
  const name = `Financial System Migration ${randomUUID().slice(0, 8)}`;
  const created = await api.program.POST('/programs', { body: { name, description: 'core financials to a shared-service provider', tags: ['finance'] } });
  expect(created.response.status).toBe(201);
  const program: Program = dataOf(created);

  // project-pmo accepts the project once it has heard of the program (from program.registered).
  const project: Project = await eventually(async () => {
    const answer = await api.project.POST('/projects', {
      body: { programId: program.id, name: 'General Ledger Cut-over', phase: 'planning', tags: ['cut-over'], startDate: '2027-01-04', endDate: '2027-12-17' },
    });
    expect(answer.response.status).toBe(201);
    return dataOf(answer);
  });
  expect(project).toMatchObject({ programId: program.id, startDate: '2027-01-04', endDate: '2027-12-17' });

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
