import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';

export interface ServiceUrls {
  strategic: string;
  program: string;
  project: string;
}

interface Program {
  id: string;
  name: string;
}

interface Project {
  id: string;
  programId: string;
  startDate: string;
  endDate: string;
}

/**
 * The walking skeleton through the public HTTP APIs only: program-pmo registers a program, project-pmo
 * a project in it, program-pmo lists it, strategic-pmo counts it, each from events.
 */
export async function runWalkingSkeleton(urls: ServiceUrls, token: string): Promise<{ program: Program; project: Project }> {
  const name = `Financial System Migration ${randomUUID().slice(0, 8)}`;
  const created = await callApi<Program>('POST', `${urls.program}/programs`, token, { name, description: 'core financials to a shared-service provider', tags: ['finance'] });
  expect(created.status).toBe(201);
  const program = created.body;

  // project-pmo accepts the project once it has heard of the program (from program.registered).
  const project = await eventually(async () => {
    const answer = await callApi<Project>('POST', `${urls.project}/projects`, token, { programId: program.id, name: 'General Ledger Cut-over', phase: 'planning', tags: ['cut-over'], startDate: '2027-01-04', endDate: '2027-12-17' });
    expect(answer.status).toBe(201);
    return answer.body;
  });
  expect(project).toMatchObject({ programId: program.id, startDate: '2027-01-04', endDate: '2027-12-17' });

  await eventually(async () => {
    const listed = await callApi<{ projectId: string }[]>('GET', `${urls.program}/programs/${program.id}/projects`, token);
    expect(listed.status).toBe(200);
    expect(listed.body.map((p) => p.projectId)).toEqual([project.id]);
  });
  await eventually(async () => {
    const portfolio = await callApi<{ programId: string; name: string; projectCount: number }[]>('GET', `${urls.strategic}/portfolio/programs`, token);
    expect(portfolio.status).toBe(200);
    expect(portfolio.body.find((p) => p.programId === program.id)).toEqual({ programId: program.id, name, tags: ['finance'], projectCount: 1 });
  });
  return { program, project };
}
