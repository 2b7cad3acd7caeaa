import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from '../backbone/report';
import type { RolloutFloor } from './floor';
import type { Reached, RolloutRun } from './rollout';

export interface RolloutBenchResults {
  date: string;
  machine: Machine;
  portfolio: { programs: number; projects: number; standards: number };
  floor: RolloutFloor;
  runs: RolloutRun[];
}

// Issue 15's aim: a rollout within 3× the floor.
const AIM_RATIO = 3;

const s = (value: number) => `${value.toFixed(1)} s`;

/** The figures as markdown: the same tables go to the terminal and to rollout-latest.md. */
export function rolloutMarkdownOf(r: RolloutBenchResults): string {
  const row = (run: RolloutRun, what: string, reached: Reached) => {
    const ratio = reached.seconds / r.floor.seconds;
    return `| ${run.mode} | ${what} | ${s(reached.callsSeconds)} | ${s(reached.portfolioSeconds)} | ${s(reached.programsSeconds)} | ${ratio.toFixed(1)}× | ${ratio <= AIM_RATIO ? 'met' : 'missed'} | ${run.loadAverage.before.toFixed(1)} → ${run.loadAverage.after.toFixed(1)} |`;
  };
  return [
    `# Rollout bench, ${r.date}`,
    '',
    `One mandatory standard published to ${r.runs[0]?.projects.toLocaleString('en-US') ?? '?'} projects (${r.portfolio.programs} programs × ${r.portfolio.projects} projects, ` +
      `each already holding ${r.portfolio.standards} standards), then adopted for all of them by one bulk call per program.`,
    `Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.postgres.split(' on ')[0]}.`,
    '',
    `**Floor** (same run): raw kafkajs produce-and-consume of ${r.floor.projects.toLocaleString('en-US')} messages ${s(r.floor.kafkaSeconds)} + raw \`pg\` ` +
      `inserts of ${r.floor.projects.toLocaleString('en-US')} rows into each service's table of the intervals' shape ${s(r.floor.pgSeconds)} = **${s(r.floor.seconds)}**.`,
    '',
    `Seconds from the first call until every project shows the state through the API (aim: within ${AIM_RATIO}× the floor):`,
    '',
    '| mode | until every project is | calls | portfolio (strategic-pmo) | every program (program-pmo) | ratio to the floor | aim | load average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.runs.flatMap((run) => [row(run, 'pending (publication)', run.publication), row(run, 'adopted (bulk adoption)', run.adoption)]),
    '',
  ].join('\n');
}

export function writeRolloutResults(root: string, results: RolloutBenchResults): string {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, `rollout-${results.date}.json`);
  writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, 'rollout-latest.md'), rolloutMarkdownOf(results));
  return jsonPath;
}
