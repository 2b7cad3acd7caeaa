/**
 * Writes the event catalog: docs/events.md and docs/asyncapi.yaml (AsyncAPI 3.0), from EVENT_CATALOG in
 * libs/contracts and from the code (the services that add each type to their outbox, the handlers that consume it).
 *   npm run docs:events             writes both files
 *   npm run docs:events -- --check  exits 1 if a committed file differs from what the code gives now
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EVENT_DOC_FILES, eventDocs } from './event-catalog/event-docs';

const root = resolve(__dirname, '..');
const docs = eventDocs(root);
const check = process.argv.includes('--check');
let stale = 0;
for (const file of EVENT_DOC_FILES) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === docs[file]) continue;
  if (check) {
    stale += 1;
    process.stderr.write(`${file} is out of date: run npm run docs:events\n`);
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, docs[file]);
    process.stdout.write(`wrote ${file}\n`);
  }
}
process.exit(stale ? 1 : 0);
