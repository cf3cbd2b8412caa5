// The Prometheus alert rules and the Grafana dashboard (deploy/prometheus, deploy/grafana): promtool
// checks the rules and runs their unit tests, and every metric they query must be one this app or
// the SDK really exports, under the name a scraper sees.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { SEND_METRICS } from '../../activities/metrics';
import { API_METRICS } from '../../apps/api/metrics/api-metrics';

const ROOT = join(__dirname, '..', '..', '..');
const PROMETHEUS = join(ROOT, 'deploy', 'prometheus');
const RULES = join(PROMETHEUS, 'rules', 'checkout-recovery.yml');
const RULE_TESTS = join(PROMETHEUS, 'tests', 'checkout-recovery.test.yml');
const DASHBOARD = join(ROOT, 'deploy', 'grafana', 'dashboards', 'checkout-recovery.json');
const METRICS_DOC = readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8');

/** The alerts issue 16 asks for, by what they watch. */
const REQUIRED_ALERTS = [
  'WorkflowTaskScheduleToStartHigh', // schedule-to-start latency
  'ActivityScheduleToStartHigh',
  'WorkerTaskSlotsExhausted', // task slots exhausted
  'WorkflowTaskFailuresAfterDeploy', // workflow task failures after a deploy
  'NoPollers', // no pollers
  'TaskQueueBacklog', // task-queue backlog
  'SendFailureRateHigh', // failed sends by reason
];

interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
const rules = (parse(readFileSync(RULES, 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

interface Panel {
  type: string;
  title: string;
  datasource?: { uid?: string };
  targets?: { expr: string }[];
}
const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { uid: string; panels: Panel[] };

/** Metric names in a PromQL expression: the app's and the SDK's prefixes, and the server's backlog. */
function metricNames(expr: string): string[] {
  const names = [...expr.matchAll(/\b((?:temporal|checkout_recovery)_[a-z_]+|approximate_backlog_count)\b/g)].map(
    (m) => m[1] ?? '',
  );
  // A `__name__=~"a_(b|c)_d"` selector: expand the alternatives.
  for (const match of expr.matchAll(/__name__=~"([^"]+)"/g)) {
    const pattern = match[1] ?? '';
    const alternatives = /^(.*)\(([^)]+)\)(.*)$/.exec(pattern);
    if (alternatives)
      for (const alt of (alternatives[2] ?? '').split('|')) names.push(`${alternatives[1]}${alt}${alternatives[3]}`);
    else names.push(pattern);
  }
  // Prometheus' own scrape health, for an alert on a worker that is gone altogether.
  if (/\bup\{/.test(expr)) names.push('up');
  return names;
}

/** Whether a queried series is a known metric itself or a histogram's _bucket/_count/_sum series of one. */
function isKnown(known: Set<string>, series: string): boolean {
  return known.has(series) || known.has(series.replace(/_(bucket|count|sum)$/, ''));
}

function knownMetrics(): Set<string> {
  // The worker's exporter adds _total to counters; histograms (…_seconds) keep their name (apps/worker/runtime.ts).
  const app = [
    ...Object.values(SEND_METRICS).map((name) => (name.endsWith('_seconds') ? name : `${name}_total`)),
    ...Object.values(API_METRICS),
  ];
  // The SDK's and the server's, as docs/metrics.md lists them for the alerts (checked against a real scrape there).
  const documented = [...METRICS_DOC.matchAll(/`((?:temporal_|approximate_)[a-z_]+)`/g)].map((m) => m[1] ?? '');
  return new Set([...app, ...documented, 'up']);
}

function promtool(
  args: string[],
  t: { skip: (why: string) => void },
): { status: number | null; output: string } | undefined {
  const run = spawnSync('promtool', args, { cwd: PROMETHEUS, encoding: 'utf8', timeout: 120_000 });
  if (run.error) {
    const why = 'promtool is not installed (Debian: apt-get install --no-install-recommends prometheus)';
    // CI installs it and sets REQUIRE_DEPLOY_TOOLS, so there the check can never quietly not run.
    assert.ok(!process.env.REQUIRE_DEPLOY_TOOLS, why);
    t.skip(why);
    return undefined;
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('alert rules', () => {
  test('pass `promtool check rules`', (t) => {
    const run = promtool(['check', 'rules', RULES], t);
    if (!run) return;
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, new RegExp(`SUCCESS: ${rules.length} rules found`));
  });

  test('fire and stay quiet as their unit tests expect (`promtool test rules`)', (t) => {
    const run = promtool(['test', 'rules', RULE_TESTS], t);
    if (!run) return;
    assert.equal(run.status, 0, run.output);
  });

  test('the Prometheus config of the compose monitoring profile passes `promtool check config`', (t) => {
    const run = promtool(['check', 'config', join(PROMETHEUS, 'prometheus.yml')], t);
    if (!run) return;
    assert.equal(run.status, 0, run.output);
  });

  test('cover schedule-to-start, slots, failures after a deploy, pollers, backlog and failed sends', () => {
    const names = rules.map((rule) => rule.alert);
    for (const alert of REQUIRED_ALERTS) assert.ok(names.includes(alert), `no ${alert} alert`);
    for (const rule of rules) {
      assert.match(rule.labels?.severity ?? '', /^(warning|critical)$/, `${rule.alert}: severity`);
      assert.ok(rule.annotations?.summary && rule.annotations.description, `${rule.alert}: summary and description`);
    }
    const failedSends = rules.find((rule) => rule.alert === 'SendFailureRateHigh');
    assert.match(failedSends?.expr ?? '', /by \(channel, reason\)/, 'failed sends are told apart by reason');
  });

  test('query only metrics the app, the SDK or the Temporal server export, by their scraped names', () => {
    const known = knownMetrics();
    for (const rule of rules) {
      const names = metricNames(rule.expr);
      assert.ok(names.length > 0, `${rule.alert} queries no metric`);
      for (const name of names) assert.ok(isKnown(known, name), `${rule.alert} queries unknown ${name}`);
    }
  });
});

describe('Grafana dashboard', () => {
  test('queries only known metrics, through the provisioned Prometheus data source', () => {
    const known = knownMetrics();
    const datasource = parse(
      readFileSync(join(ROOT, 'deploy', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8'),
    ) as { datasources: { uid: string }[] };
    assert.equal(datasource.datasources[0]?.uid, 'prometheus');
    const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
    assert.ok(graphs.length >= 8);
    for (const panel of graphs) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template literal
      assert.equal(panel.datasource?.uid, '${datasource}', `${panel.title}: not on the data source variable`);
      assert.ok(panel.targets?.length, `${panel.title}: no query`);
      for (const { expr } of panel.targets ?? [])
        for (const name of metricNames(expr)) assert.ok(isKnown(known, name), `${panel.title} queries unknown ${name}`);
    }
  });

  test('shows what every alert watches', () => {
    const queried = new Set(dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((q) => metricNames(q.expr))));
    for (const rule of rules)
      for (const name of metricNames(rule.expr))
        assert.ok(queried.has(name) || name === 'up', `the dashboard shows nothing of ${name} (${rule.alert})`);
  });
});
