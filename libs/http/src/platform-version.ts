import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The platform's version: `version` in the nearest package.json above `from` (this file's folder): the
 * repository's root when a service runs from its source or its production build, `/app/package.json` in an
 * image. The OpenAPI documents, the images' labels and the chart's appVersion all take it from there.
 */
export function platformVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      if (typeof version !== 'string' || version === '') throw new Error(`${file} has no version`);
      return version;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json in ${from} or above it`);
  }
}
