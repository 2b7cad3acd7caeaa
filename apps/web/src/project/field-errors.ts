import type { ErrorSchema } from '@rjsf/utils';
import type { FieldError } from '../api/api-error';

/** Unescapes one JSON-pointer segment (RFC 6901). */
function segmentOf(raw: string): string {
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The server's 422 field errors (`{ path, message }`, JSON pointers into what was sent) as an rjsf error
 * schema, so that each message shows at its field; a pointer to the whole document lands on the form.
 */
export function errorSchemaOf(errors: readonly FieldError[], prefix = ''): ErrorSchema {
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
