/**
 * `npm run openapi:export`: starts the embedded platform on free ports and a fresh state folder, as the
 * tests do, and writes each service's OpenAPI document (GET /api/docs-json) to
 * libs/api-contracts/openapi/<service>.json with sorted keys. The drift test compares the running services
 * with these files, so commit them with the change that alters a route.
 */
import { API_SERVICES, canonicalDocument, committedDocumentPath } from '@pmo/api-contracts';
import { freePort, runTypeScript, waitUntilReady } from '@pmo/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

async function main(): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'pmo-openapi-'));
  const ports = { 'strategic-pmo': await freePort(), 'program-pmo': await freePort(), 'project-pmo': await freePort() };
  const platform = runTypeScript(
    'tools/embedded/main.ts',
    {
      PMO_EMBEDDED_DIR: stateDir,
      PMO_EMBEDDED_DB_PORT: String(await freePort()),
      PMO_LOG_LEVEL: 'warn',
      STRATEGIC_PMO_PORT: String(ports['strategic-pmo']),
      PROGRAM_PMO_PORT: String(ports['program-pmo']),
      PROJECT_PMO_PORT: String(ports['project-pmo']),
    },
    'openapi-export',
  );
  try {
    for (const service of API_SERVICES) {
      const url = `http://127.0.0.1:${ports[service]}`;
      await waitUntilReady(url, 120_000);
      const answer = await fetch(`${url}/api/docs-json`);
      if (answer.status !== 200) throw new Error(`${service}: GET /api/docs-json answered ${answer.status}`);
      const text = canonicalDocument(await answer.json());
      const file = committedDocumentPath(service);
      const changed = !existsSync(file) || readFileSync(file, 'utf8') !== text;
      writeFileSync(file, text);
      process.stdout.write(`${service.padEnd(14)} ${changed ? 'written  ' : 'unchanged'}  ${relative(process.cwd(), file)}\n`);
    }
  } finally {
    await platform.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi export failed: ${(error as Error).stack ?? String(error)} (log: .pmo/logs/tests/openapi-export.log)\n`);
  process.exit(1);
});
