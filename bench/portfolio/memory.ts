import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a process's memory was, in MB (see `memory-probe.ts`): each figure's peak, and the sample at the RSS peak. */
export interface MemorySplit {
  peak: Record<string, number>;
  atPeak: Record<string, number>;
  /** Full (mark-compact) collections over the run. */
  fullGcs: number;
}

/** A directory for this run's probes; the services read it from PMO_BENCH_MEMORY_DIR. */
export function memoryDirOf(root: string): string {
  const dir = join(root, `.pmo/logs/bench/memory-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const MEMORY_PROBE = join(__dirname, 'memory-probe.cjs');

/** The probe's figures of process `pid`, in MB; undefined when it wrote none. */
export function memoryOf(dir: string, pid: number): MemorySplit | undefined {
  try {
    const found = JSON.parse(readFileSync(join(dir, `${pid}.json`), 'utf8')) as {
      peak: Record<string, number>;
      atPeak: Record<string, number>;
      fullGcs?: number;
    };
    const mb = (figures: Record<string, number>) => Object.fromEntries(Object.entries(figures).map(([name, bytes]) => [name, bytes / 1024 / 1024]));
    return { peak: mb(found.peak), atPeak: mb(found.atPeak), fullGcs: found.fullGcs ?? 0 };
  } catch {
    return undefined;
  }
}
