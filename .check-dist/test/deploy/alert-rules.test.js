var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The Prometheus alert rules and the Grafana dashboard (deploy/prometheus, deploy/grafana): promtool
// checks the rules and runs their unit tests, and every metric they query must be one this app or
// the SDK really exports, under the name a scraper sees.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_child_process_1 = require('node:child_process');
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const yaml_1 = require('yaml');
const metrics_1 = require('../../activities/metrics');
const api_metrics_1 = require('../../apps/api/metrics/api-metrics');
const ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
const PROMETHEUS = (0, node_path_1.join)(ROOT, 'deploy', 'prometheus');
const RULES = (0, node_path_1.join)(PROMETHEUS, 'rules', 'checkout-recovery.yml');
const RULE_TESTS = (0, node_path_1.join)(PROMETHEUS, 'tests', 'checkout-recovery.test.yml');
const DASHBOARD = (0, node_path_1.join)(ROOT, 'deploy', 'grafana', 'dashboards', 'checkout-recovery.json');
const METRICS_DOC = (0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, 'docs', 'metrics.md'), 'utf8');
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
const rules = (0, yaml_1.parse)((0, node_fs_1.readFileSync)(RULES, 'utf8')).groups.flatMap((g) => g.rules);
const dashboard = JSON.parse((0, node_fs_1.readFileSync)(DASHBOARD, 'utf8'));
/** Metric names in a PromQL expression: the app's and the SDK's prefixes, and the server's backlog. */
function metricNames(expr) {
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
function isKnown(known, series) {
  return known.has(series) || known.has(series.replace(/_(bucket|count|sum)$/, ''));
}
function knownMetrics() {
  // The worker's exporter adds _total to counters; histograms (…_seconds) keep their name (apps/worker/runtime.ts).
  const app = [
    ...Object.values(metrics_1.SEND_METRICS).map((name) => (name.endsWith('_seconds') ? name : `${name}_total`)),
    ...Object.values(api_metrics_1.API_METRICS),
  ];
  // The SDK's and the server's, as docs/metrics.md lists them for the alerts (checked against a real scrape there).
  const documented = [...METRICS_DOC.matchAll(/`((?:temporal_|approximate_)[a-z_]+)`/g)].map((m) => m[1] ?? '');
  return new Set([...app, ...documented, 'up']);
}
function promtool(args, t) {
  const run = (0, node_child_process_1.spawnSync)('promtool', args, {
    cwd: PROMETHEUS,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) {
    const why = 'promtool is not installed (Debian: apt-get install --no-install-recommends prometheus)';
    // CI installs it and sets REQUIRE_DEPLOY_TOOLS, so there the check can never quietly not run.
    strict_1.default.ok(!process.env.REQUIRE_DEPLOY_TOOLS, why);
    t.skip(why);
    return undefined;
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
(0, node_test_1.describe)('alert rules', () => {
  (0, node_test_1.test)('pass `promtool check rules`', (t) => {
    const run = promtool(['check', 'rules', RULES], t);
    if (!run) return;
    strict_1.default.equal(run.status, 0, run.output);
    strict_1.default.match(run.output, new RegExp(`SUCCESS: ${rules.length} rules found`));
  });
  (0, node_test_1.test)('fire and stay quiet as their unit tests expect (`promtool test rules`)', (t) => {
    const run = promtool(['test', 'rules', RULE_TESTS], t);
    if (!run) return;
    strict_1.default.equal(run.status, 0, run.output);
  });
  (0, node_test_1.test)(
    'the Prometheus config of the compose monitoring profile passes `promtool check config`',
    (t) => {
      const run = promtool(['check', 'config', (0, node_path_1.join)(PROMETHEUS, 'prometheus.yml')], t);
      if (!run) return;
      strict_1.default.equal(run.status, 0, run.output);
    },
  );
  (0, node_test_1.test)(
    'cover schedule-to-start, slots, failures after a deploy, pollers, backlog and failed sends',
    () => {
      const names = rules.map((rule) => rule.alert);
      for (const alert of REQUIRED_ALERTS) strict_1.default.ok(names.includes(alert), `no ${alert} alert`);
      for (const rule of rules) {
        strict_1.default.match(rule.labels?.severity ?? '', /^(warning|critical)$/, `${rule.alert}: severity`);
        strict_1.default.ok(
          rule.annotations?.summary && rule.annotations.description,
          `${rule.alert}: summary and description`,
        );
      }
      const failedSends = rules.find((rule) => rule.alert === 'SendFailureRateHigh');
      strict_1.default.match(
        failedSends?.expr ?? '',
        /by \(channel, reason\)/,
        'failed sends are told apart by reason',
      );
    },
  );
  (0, node_test_1.test)(
    'query only metrics the app, the SDK or the Temporal server export, by their scraped names',
    () => {
      const known = knownMetrics();
      for (const rule of rules) {
        const names = metricNames(rule.expr);
        strict_1.default.ok(names.length > 0, `${rule.alert} queries no metric`);
        for (const name of names) strict_1.default.ok(isKnown(known, name), `${rule.alert} queries unknown ${name}`);
      }
    },
  );
});
(0, node_test_1.describe)('Grafana dashboard', () => {
  (0, node_test_1.test)('queries only known metrics, through the provisioned Prometheus data source', () => {
    const known = knownMetrics();
    const datasource = (0, yaml_1.parse)(
      (0, node_fs_1.readFileSync)(
        (0, node_path_1.join)(ROOT, 'deploy', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'),
        'utf8',
      ),
    );
    strict_1.default.equal(datasource.datasources[0]?.uid, 'prometheus');
    const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
    strict_1.default.ok(graphs.length >= 8);
    for (const panel of graphs) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template literal
      strict_1.default.equal(panel.datasource?.uid, '${datasource}', `${panel.title}: not on the data source variable`);
      strict_1.default.ok(panel.targets?.length, `${panel.title}: no query`);
      for (const { expr } of panel.targets ?? [])
        for (const name of metricNames(expr))
          strict_1.default.ok(isKnown(known, name), `${panel.title} queries unknown ${name}`);
    }
  });
  (0, node_test_1.test)('shows what every alert watches', () => {
    const queried = new Set(dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((q) => metricNames(q.expr))));
    for (const rule of rules)
      for (const name of metricNames(rule.expr))
        strict_1.default.ok(
          queried.has(name) || name === 'up',
          `the dashboard shows nothing of ${name} (${rule.alert})`,
        );
  });
});
//# sourceMappingURL=alert-rules.test.js.map
