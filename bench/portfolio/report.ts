import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from '../backbone/report';
import type { CsvRun, LoadRun } from './load';
import type { MemorySplit } from './memory';
import type { GzipLevel, WireSize } from './wire';

export interface PortfolioBenchResults {
  date: string;
  machine: Machine;
  size: { programs: number; projects: number; standards: number; rows: number };
  build: { built: boolean; seconds: number; models?: { publicationSeconds: number; catchUpSeconds: number; rowsPerSecond: number } };
  settings: { built?: boolean; seconds: number; connections: number[]; pacedRate: number; pastInstant: string; tag: string };
  /** Per service, the name of its floor endpoint. */
  floors: Record<string, string>;
  /** Per endpoint name, its service. */
  services: Record<string, string>;
  /** Each answer's body on the wire as a browser asks for it (absent in runs before they were measured). */
  wire?: WireSize[];
  /** The kept answers compressed at several zlib levels: bytes and time. */
  gzipLevels?: GzipLevel[];
  runs: LoadRun[];
  csv: (CsvRun | { endpoint: string; failed: string })[];
  peakRssMb: { program: number; strategic: number };
  /** Where each process's memory went (the probe's figures), the bare NestJS process being the floor. */
  memory?: { program?: MemorySplit; strategic?: MemorySplit; bare?: MemorySplit };
  /** The bare NestJS process under the same clients, while its memory was sampled. */
  bareRuns?: LoadRun[];
}

const SPLIT = [
  ['rss', 'RSS'],
  ['heapTotal', 'V8 heap'],
  ['newSpace', 'new space'],
  ['oldSpace', 'old space'],
  ['codeSpace', 'code'],
  ['largeObjectSpace', 'large objects'],
  ['heapUsed', 'heap used'],
  ['external', 'external'],
  ['arrayBuffers', 'array buffers'],
  ['liveAfterFullGc', 'heap used after a full GC'],
] as const;

function memoryLines(r: PortfolioBenchResults): string[] {
  const processes = [
    ['strategic-pmo', r.memory?.strategic],
    ['program-pmo', r.memory?.program],
    ['bare NestJS (floor)', r.memory?.bare],
  ] as const;
  if (!processes.some(([, split]) => split)) return [];
  const mb = (value: number | undefined) => (value === undefined ? '—' : n(value));
  return [
    "## Where the memory went (MB): at the RSS peak, and each figure's own peak",
    '',
    `| process | ${SPLIT.map(([, label]) => label).join(' | ')} |`,
    `| --- | ${SPLIT.map(() => '---').join(' | ')} |`,
    ...processes.flatMap(([name, split]) =>
      split
        ? [
            `| ${name}, at the RSS peak | ${SPLIT.map(([key]) => mb(split.atPeak[key])).join(' | ')} |`,
            `| ${name}, peaks | ${SPLIT.map(([key]) => mb(split.peak[key])).join(' | ')} |`,
          ]
        : [],
    ),
    '',
    ...processes.flatMap(([name, split]) => (split ? [`${name}: ${n(split.fullGcs)} full collections over the run.`] : [])),
    '',
    ...(r.bareRuns ?? []).map((run) => `Bare NestJS under ${run.connections} clients: ${n(run.requestsPerSecond)} requests/s, p99 ${ms(run.p99Ms)}.`),
    '',
  ];
}

function wireLines(r: PortfolioBenchResults): string[] {
  if (!r.wire?.length) return [];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    '## Answers on the wire (`Accept-Encoding: gzip, deflate, br`, as browsers and the load runs send)',
    '',
    '| endpoint | bytes on the wire | encoding | bytes plain |',
    '| --- | --- | --- | --- |',
    ...r.wire.map((w) => `| ${w.endpoint} | ${kb(w.wireBytes)} | ${w.encoding} | ${kb(w.plainBytes)} |`),
    '',
    ...(r.gzipLevels?.length
      ? [
          'Kept answers compressed at each zlib level (once per kept answer, median of 7):',
          '',
          '| endpoint | level | bytes | ms |',
          '| --- | --- | --- | --- |',
          ...r.gzipLevels.map((g) => `| ${g.endpoint} | ${g.level} | ${kb(g.gzipBytes)} | ${g.medianMs.toFixed(2)} |`),
          '',
        ]
      : []),
  ];
}

// Aims of issue 15.
const AIM = { p99Ms: 50, ratioToFloor: 0.5, csvRowsPerSecond: 50_000, rssMb: 250 };

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const load = (l: { before: number; after: number }) => `${l.before.toFixed(1)} → ${l.after.toFixed(1)}`;

// The serving process's, PostgreSQL's and the load generator's CPU per answered request, then every process's.
function cpuOf(run: LoadRun, service: string): string {
  const cpu = run.cpuMsPerRequest;
  if (!cpu) return '—';
  const all = Object.values(cpu).reduce((sum, value) => sum + value, 0);
  const of = (group: string) => (cpu[group] ?? 0).toFixed(2);
  return `${of(`${service}-pmo`)} / ${of('PostgreSQL')} / ${of('bench')} / ${all.toFixed(2)}`;
}

/** The figures as markdown: the same tables go to the terminal and to portfolio-latest.md. */
export function portfolioMarkdownOf(r: PortfolioBenchResults): string {
  const floorOf = (run: LoadRun) =>
    r.runs.find((f) => f.endpoint === r.floors[r.services[run.endpoint]] && f.connections === run.connections && f.rate === run.rate);
  const closed = r.runs.filter((run) => run.rate === null);
  const paced = r.runs.filter((run) => run.rate !== null);
  const invalid = (run: LoadRun) => (run.non2xx + run.errors > 0 ? ` (${run.non2xx} non-2xx, ${run.errors} errors)` : '');
  return [
    `# Portfolio bench, ${r.date}`,
    '',
    `${n(r.size.programs)} programs × ${n(r.size.projects)} projects × ${n(r.size.standards)} standards = ${n(r.size.rows)} rows in each read model` +
      (r.build.built ? `, built in ${n(r.build.seconds)} s.` : ', reused from a previous run.') +
      (r.build.models
        ? ` The models held every row ${n(r.build.models.catchUpSeconds)} s after the first publication (${n(r.build.models.rowsPerSecond)} rows/s).`
        : ''),
    `Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.postgres.split(' on ')[0]}; ` +
      'shared with other work, so the load average (1 min, before → after) is given with every run.',
    `Services run ${r.settings.built ? 'compiled (`nx build`, plain Node, as the images run them)' : 'from their sources through the TypeScript loader (`@swc-node/register`)'}.`,
    '',
    ...wireLines(r),
    `## As fast as the clients go, ${r.settings.seconds} s per run`,
    '',
    '| endpoint | clients | requests/s | p50 | p99 | ratio to the floor | CPU ms per request: service / PostgreSQL / load generator / all | load average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...closed.map((run) => {
      const floor = floorOf(run);
      const ratio = floor && floor !== run && floor.requestsPerSecond > 0 ? `${(run.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}×` : '—';
      return `| ${run.endpoint}${invalid(run)} | ${run.connections} | ${n(run.requestsPerSecond)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${ratio} | ${cpuOf(run, r.services[run.endpoint])} | ${load(run.loadAverage)} |`;
    }),
    '',
    `## Paced at ${r.settings.pacedRate} requests/s, open loop over at most 10 connections, latency from each request's due instant (aim: p99 under ${AIM.p99Ms} ms)`,
    '',
    '| endpoint | requests/s answered | p50 | p99 | aim | load average |',
    '| --- | --- | --- | --- | --- | --- |',
    ...paced.map(
      (run) =>
        `| ${run.endpoint}${invalid(run)} | ${n(run.requestsPerSecond)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${run.p99Ms < AIM.p99Ms && run.requestsPerSecond > 0 && run.non2xx + run.errors === 0 ? 'met' : 'missed'} | ${load(run.loadAverage)} |`,
    ),
    '',
    `## CSV export, one client (aim: ${n(AIM.csvRowsPerSecond)} rows/s)`,
    '',
    '| export | rows | MB | seconds | rows/s | peak RSS of the service | load average |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.csv.map((c) =>
      !('rows' in c)
        ? `| ${c.endpoint} | failed: ${c.failed} | | | | | |`
        : `| ${c.endpoint} | ${n(c.rows)} | ${c.megabytes.toFixed(1)} | ${c.seconds.toFixed(1)} | ${n(c.rowsPerSecond)} | ${n(c.peakRssMb)} MB | ${load(c.loadAverage)} |`,
    ),
    '',
    `Peak RSS over the whole run (aim: under ${AIM.rssMb} MB each): program-pmo ${n(r.peakRssMb.program)} MB, strategic-pmo ${n(r.peakRssMb.strategic)} MB.`,
    '',
    ...memoryLines(r),
  ].join('\n');
}

export function writePortfolioResults(root: string, results: PortfolioBenchResults): string {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, `portfolio-${results.date}.json`);
  writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, 'portfolio-latest.md'), portfolioMarkdownOf(results));
  return jsonPath;
}
