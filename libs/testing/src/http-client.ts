export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

/** One call made through `callApi`, as an observer sees it. */
export interface ApiCall {
  method: string;
  url: string;
  status: number;
  /** The X-Request-Id the service answered. */
  requestId: string | null;
  requestHeaders: Record<string, string>;
}

const observers = new Set<(call: ApiCall) => void>();

/** Calls `observer` after every `callApi` call until the returned function is called (e.g. to check what the calls left behind). */
export function observeApiCalls(observer: (call: ApiCall) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** Tells the observers of `observeApiCalls` about a call made by another client (the typed ones). */
export function notifyApiCallObservers(call: ApiCall): void {
  for (const observer of observers) observer(call);
}

/** A small JSON client for the services' public APIs. */
export async function callApi<T = unknown>(
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  notifyApiCallObservers({ method, url, status: response.status, requestId: response.headers.get('x-request-id'), requestHeaders: headers });
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T };
}
