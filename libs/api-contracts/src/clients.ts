import createClient, { type Client } from 'openapi-fetch';
import type { paths as ProgramPmoPaths } from './generated/program-pmo';
import type { paths as ProjectPmoPaths } from './generated/project-pmo';
import type { paths as StrategicPmoPaths } from './generated/strategic-pmo';

export type StrategicPmoClient = Client<StrategicPmoPaths>;
export type ProgramPmoClient = Client<ProgramPmoPaths>;
export type ProjectPmoClient = Client<ProjectPmoPaths>;

/** Where each service answers, e.g. `http://127.0.0.1:3001` (no trailing slash needed). */
export interface PmoBaseUrls {
  strategic: string;
  program: string;
  project: string;
}

export interface PmoClients {
  strategic: StrategicPmoClient;
  program: ProgramPmoClient;
  project: ProjectPmoClient;
}

/** Options for every client: another fetch (e.g. a test's), extra headers sent with every call. */
export interface PmoClientOptions {
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

function options(baseUrl: string, token: string | undefined, extra: PmoClientOptions) {
  return {
    baseUrl,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra.headers },
    ...(extra.fetch ? { fetch: extra.fetch } : {}),
  };
}

/** A client of strategic-pmo typed by its committed OpenAPI document, calling with the bearer `token` (if any). */
export function strategicClient(baseUrl: string, token?: string, extra: PmoClientOptions = {}): StrategicPmoClient {
  return createClient<StrategicPmoPaths>(options(baseUrl, token, extra));
}

/** A client of program-pmo typed by its committed OpenAPI document, calling with the bearer `token` (if any). */
export function programClient(baseUrl: string, token?: string, extra: PmoClientOptions = {}): ProgramPmoClient {
  return createClient<ProgramPmoPaths>(options(baseUrl, token, extra));
}

/** A client of project-pmo typed by its committed OpenAPI document, calling with the bearer `token` (if any). */
export function projectClient(baseUrl: string, token?: string, extra: PmoClientOptions = {}): ProjectPmoClient {
  return createClient<ProjectPmoPaths>(options(baseUrl, token, extra));
}

/**
 * Typed clients of the three services (openapi-fetch over the types generated from the committed
 * documents): a route, parameter or body that a document no longer has fails the caller's typecheck.
 */
export function createPmoClients(baseUrls: PmoBaseUrls, token?: string, extra: PmoClientOptions = {}): PmoClients {
  return {
    strategic: strategicClient(baseUrls.strategic, token, extra),
    program: programClient(baseUrls.program, token, extra),
    project: projectClient(baseUrls.project, token, extra),
  };
}
