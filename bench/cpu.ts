import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

// /proc/<pid>/stat counts CPU time in clock ticks of USER_HZ, 100 a second on Linux.
const TICKS_PER_SECOND = 100;

/** CPU seconds used in a window, by group of processes, beside what the machine's cores could give in it. */
export interface CpuUse {
  wallSeconds: number;
  cores: number;
  /** Seconds of CPU (user and system) by group: the named processes, PostgreSQL, Kafka, Keycloak, the rest. */
  seconds: Record<string, number>;
  /** All groups' seconds over cores × wall seconds: 1 is every core busy throughout. */
  busy: number;
}

type Snapshot = { at: number; ticks: Map<number, { group: string; ticks: number }> };

/**
 * Reads every process's CPU time at the start and at `end()`. A process is counted in the group `named` gives its
 * pid, or by what it runs; one that ended inside the window is not counted (the figures are then a lower bound).
 */
export function cpuAccounting(named: Record<string, number>): { end(): CpuUse } {
  const groupOfPid = new Map(Object.entries(named).map(([group, pid]) => [pid, group]));
  const before = snapshot(groupOfPid);
  return {
    end() {
      const after = snapshot(groupOfPid);
      const seconds: Record<string, number> = {};
      for (const [pid, { group, ticks }] of after.ticks) {
        const used = ticks - (before.ticks.get(pid)?.ticks ?? 0);
        seconds[group] = (seconds[group] ?? 0) + used / TICKS_PER_SECOND;
      }
      const wallSeconds = (after.at - before.at) / 1000;
      const cores = availableParallelism();
      const total = Object.values(seconds).reduce((sum, s) => sum + s, 0);
      return { wallSeconds, cores, seconds, busy: total / (cores * wallSeconds) };
    },
  };
}

function snapshot(groupOfPid: Map<number, string>): Snapshot {
  const ticks = new Map<number, { group: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are counted from its end.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const used = Number(fields[11]) + Number(fields[12]);
      ticks.set(pid, { group: groupOfPid.get(pid) ?? groupByCommand(pid, stat), ticks: used });
    } catch {
      // Ended between the listing and the read.
    }
  }
  return { at: performance.now(), ticks };
}

function groupByCommand(pid: number, stat: string): string {
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  if (name === 'postgres') return 'PostgreSQL';
  if (name === 'java') {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (command.includes('kafka.Kafka')) return 'Kafka';
    if (command.includes('keycloak')) return 'Keycloak';
  }
  return 'other processes';
}
