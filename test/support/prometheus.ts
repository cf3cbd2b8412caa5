// Reads a Prometheus text exposition the way a scraper would, for assertions on real endpoints.
import { createServer } from 'node:net';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL))
      labels[key ?? ''] = (value ?? '').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
    samples.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return samples;
}

/** The metric families the exposition declares with `# TYPE name type`. */
export function declaredTypes(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** Sum of the samples named `name` whose labels include `labels`; undefined when there is none. */
export function metricValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const matching = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  return matching.length === 0 ? undefined : matching.reduce((sum, s) => sum + s.value, 0);
}

export async function scrape(url: string): Promise<{ text: string; samples: Sample[]; contentType: string }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  const text = await res.text();
  return { text, samples: parseExposition(text), contentType: res.headers.get('content-type') ?? '' };
}

/** Scrapes until `done` holds (recording and scraping race by a few milliseconds), else the last scrape. */
export async function scrapeUntil(
  url: string,
  done: (samples: Sample[]) => boolean,
  timeoutMs = 5_000,
): Promise<{ text: string; samples: Sample[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await scrape(url);
    if (done(result.samples) || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A port free right now on 127.0.0.1, for servers that cannot report the port they bound. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
