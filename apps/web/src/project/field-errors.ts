import type { ErrorSchema } from '@rjsf/utils';
import { ApiError } from '../api/api-error';

/** Unescapes one JSON-pointer segment (RFC 6901). */
function segmentOf(raw: string): string {
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The server's 422 field errors (`{ path, message }`, JSON pointers into what was sent) as an rjsf error
 * schema, so that each message shows at its field; a pointer to the whole document lands on the form.
 */
export function errorSchemaOf(errors: readonly { path: string; message: string }[], prefix = ''): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { path, message } of errors) {
    if (!path.startsWith(prefix)) continue;
    const segments = path.slice(prefix.length).split('/').filter(Boolean).map(segmentOf);
    let node = root;
    for (const segment of segments) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), message];
  }
  return root as ErrorSchema;
}

/** The messages for one field of a plain (non-rjsf) form, by its JSON pointer or any pointer under it. */
export function messagesAt(errors: readonly { path: string; message: string }[], pointer: string): string | undefined {
  const found = errors.filter((e) => e.path === pointer || e.path.startsWith(`${pointer}/`)).map((e) => e.message);
  return found.length ? found.join('; ') : undefined;
}

/**
 * The field errors of a refusal: a 422's `{ path, message }` items, and a 400's body-check messages, which
 * name the field first (`evidenceLinks/0 must match format "uri"`, `property x should not exist`).
 */
export function fieldErrorsOf(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  if (error.fieldErrors.length) return error.fieldErrors;
  const details = Array.isArray(error.body.details) ? error.body.details : [];
  return details.flatMap((detail) => {
    if (typeof detail !== 'string') return [];
    const match = /^(?:property )?([A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*) (.+)$/.exec(detail);
    return match && match[1] !== 'body' ? [{ path: `/${match[1]}`, message: match[2] }] : [];
  });
}
