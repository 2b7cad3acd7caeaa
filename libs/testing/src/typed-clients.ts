import { createPmoClients, type PmoBaseUrls, type PmoClients } from '@pmo/api-contracts';
import { notifyApiCallObservers } from './http-client';

/**
 * The typed clients of @pmo/api-contracts (openapi-fetch over the committed OpenAPI documents) calling
 * with `token`; every call is seen by `observeApiCalls`, as a `callApi` call is.
 */
export function pmoClients(urls: PmoBaseUrls, token?: string): PmoClients {
  return createPmoClients(urls, token, { fetch: observedFetch });
}

export async function observedFetch(request: Request): Promise<Response> {
  const requestHeaders: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== 'authorization' && name !== 'content-type') requestHeaders[name] = value;
  });
  const response = await fetch(request);
  notifyApiCallObservers({
    method: request.method,
    url: request.url,
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    requestHeaders,
  });
  return response;
}

/** The body of a successful answer; throws, naming the status, if the answer was not one (expect its status first). */
export function dataOf<T>(answer: { data?: T; response: Response }): T {
  if (answer.data === undefined) throw new Error(`${answer.response.status} from ${answer.response.url}: no success body`);
  return answer.data;
}

/**
 * The JSON body of a successful answer from a route that can also answer another media type (CSV, YAML), so
 * that its generated type is a union with `string`; throws if the answer was not a parsed JSON body.
 */
export function jsonOf<T>(answer: { data?: T; response: Response }): Exclude<T, string> {
  const data = dataOf(answer);
  if (typeof data === 'string') throw new Error(`${answer.response.status} from ${answer.response.url}: not a JSON body`);
  return data as Exclude<T, string>;
}

/** A free-form object (a report, a version's body): the documents give it no properties, so it is typed as one without any. */
export function freeForm(value: object): Record<string, never> {
  return value as Record<string, never>;
}
