// Loaded into a bench's service process (`-r`) when PMO_BENCH_MEMORY_DIR is set: samples where its memory goes
// every 200 ms (resident set; V8's heap, its new and old spaces; external memory and array buffers outside it)
// and keeps in `<dir>/<pid>.json` the peak of each figure and the whole sample taken at the resident set's peak.
// Plain JavaScript, so that it needs no TypeScript loader in a process started from the compiled tree.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { getHeapSpaceStatistics } = require('node:v8');

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
  setInterval(() => {
    const now = sample();
    if (now.rss > (peak.rss ?? 0)) atPeak = now;
    for (const [name, bytes] of Object.entries(now)) peak[name] = Math.max(peak[name] ?? 0, bytes);
    writeFileSync(file, JSON.stringify({ peak, atPeak, last: now }));
  }, 200).unref();
}
