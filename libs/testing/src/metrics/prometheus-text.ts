/** One sample of a Prometheus text exposition: the metric's name, its labels and its value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a `/metrics` answer (comments skipped). */
function samplesOf(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples of `name` whose labels include `labels`; undefined when there is none. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const matching = samplesOf(text).filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
  return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
}

/** The label sets of `name`'s samples whose labels include `labels`. */
export function metricLabels(text: string, name: string, labels: Record<string, string> = {}): Record<string, string>[] {
  return samplesOf(text)
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .map((s) => s.labels);
}

/** GET `<url>/metrics` without a token: its status, content type and text. */
export async function scrape(url: string): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${url}/metrics`);
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}
