Object.defineProperty(exports, '__esModule', { value: true });
exports.parseExposition = parseExposition;
exports.declaredTypes = declaredTypes;
exports.metricValue = metricValue;
exports.scrape = scrape;
exports.scrapeUntil = scrapeUntil;
exports.freePort = freePort;
// Reads a Prometheus text exposition the way a scraper would, for assertions on real endpoints.
const node_net_1 = require('node:net');
const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
function parseExposition(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL))
      labels[key ?? ''] = (value ?? '').replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
    samples.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return samples;
}
/** The metric families the exposition declares with `# TYPE name type`. */
function declaredTypes(text) {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}
/** Sum of the samples named `name` whose labels include `labels`; undefined when there is none. */
function metricValue(samples, name, labels = {}) {
  const matching = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  return matching.length === 0 ? undefined : matching.reduce((sum, s) => sum + s.value, 0);
}
async function scrape(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  const text = await res.text();
  return { text, samples: parseExposition(text), contentType: res.headers.get('content-type') ?? '' };
}
/** Scrapes until `done` holds (recording and scraping race by a few milliseconds), else the last scrape. */
async function scrapeUntil(url, done, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await scrape(url);
    if (done(result.samples) || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 100));
  }
}
/** A port free right now on 127.0.0.1, for servers that cannot report the port they bound. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = (0, node_net_1.createServer)();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
//# sourceMappingURL=prometheus.js.map
