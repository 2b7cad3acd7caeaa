// Loaded into a bench's service process (`-r`) when PMO_BENCH_MEMORY_DIR is set: samples where its memory goes
// every 200 ms (resident set; V8's heap, its new and old spaces; external memory and array buffers outside it)
// and keeps in `<dir>/<pid>.json` the peak of each figure and the whole sample taken at the resident set's peak.
// After each full (mark-compact) collection it also notes the heap used: what is live then, without the garbage
// V8 lets accumulate between collections (`liveAfterFullGc`, its peak; `fullGcs`, how many).
// Plain JavaScript, so that it needs no TypeScript loader in a process started from the compiled tree.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { getHeapSpaceStatistics } = require('node:v8');
const { PerformanceObserver, constants } = require('node:perf_hooks');

const dir = process.env.PMO_BENCH_MEMORY_DIR;

function sample() {
  const usage = process.memoryUsage();
  const spaces = new Map(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]));
  return {
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    newSpace: spaces.get('new_space') ?? 0,
    oldSpace: spaces.get('old_space') ?? 0,
    codeSpace: spaces.get('code_space') ?? 0,
    largeObjectSpace: spaces.get('large_object_space') ?? 0,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
  };
}

if (dir) {
  const file = join(dir, `${process.pid}.json`);
  const peak = {};
  let atPeak = {};
  let [liveAfterFullGc, fullGcs] = [0, 0];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      fullGcs += 1;
      liveAfterFullGc = Math.max(liveAfterFullGc, process.memoryUsage().heapUsed);
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => {
    const now = sample();
    if (now.rss > (peak.rss ?? 0)) atPeak = now;
    for (const [name, bytes] of Object.entries(now)) peak[name] = Math.max(peak[name] ?? 0, bytes);
    writeFileSync(file, JSON.stringify({ peak: { ...peak, liveAfterFullGc }, atPeak, last: now, fullGcs }));
  }, 200).unref();
}
