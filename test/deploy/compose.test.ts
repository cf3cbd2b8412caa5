// The production-like deployment (docker-compose.yml, apps/*/Dockerfile) checked without a Docker
// engine: the wiring between services, the images' entry points and the environment they set.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { durationSeconds, workerShutdownGraceSeconds } from './worker-grace';

const ROOT = join(__dirname, '..', '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');

type EnvValue = string | number | boolean | null;
type PortSpec = string | number | { target?: number | string; published?: number | string };
type VolumeSpec = string | { type?: string; source?: string; target?: string };

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, EnvValue> | string[];
  ports?: PortSpec[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  profiles?: string[];
  stop_grace_period?: string | number;
  healthcheck?: { test?: string | string[] };
  entrypoint?: string | string[];
  command?: string | string[];
  volumes?: VolumeSpec[];
}

interface ComposeFile {
  services: Record<string, Service>;
}

const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeFile;

const EXPECTED_SERVICES = [
  'postgresql',
  'temporal-schema',
  'temporal',
  'temporal-create-namespace',
  'temporal-ui',
  'setup',
  'api',
  'worker',
  'prometheus',
  'grafana',
  'jaeger',
];
const APPS = ['api', 'worker'] as const;
/** The services built from this project's images: they read the app's configuration. */
const APP_CONTAINERS = ['setup', ...APPS] as const;
const MONITORING = ['prometheus', 'grafana'];

function service(name: string): Service {
  const found = compose.services?.[name];
  assert.ok(found, `docker-compose.yml has no service "${name}"`);
  return found;
}

/** A `${VAR:?message}` the host must set: compose refuses to start without it. */
const REQUIRED_FROM_HOST = '<required from the host>';

/** What `${VAR:-default}` / `${VAR-default}` / `${VAR}` / `${VAR:?error}` / `$$` come to when the host sets nothing. */
function withDefaults(value: string): string {
  return value
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?\?[^}]*\}/g, REQUIRED_FROM_HOST)
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g, (_match, fallback: string | undefined) => fallback ?? '')
    .replace(/\$\$/g, '$');
}

/** A service's environment as name → value with defaults applied; null means "passed through from the host". */
function environment(name: string): Map<string, string | null> {
  const env = service(name).environment ?? {};
  const entries: [string, EnvValue][] = Array.isArray(env)
    ? env.map((item) => {
        const eq = item.indexOf('=');
        return eq === -1 ? [item, null] : [item.slice(0, eq), item.slice(eq + 1)];
      })
    : Object.entries(env);
  return new Map(entries.map(([key, value]) => [key, value === null ? null : withDefaults(String(value))]));
}

function envValue(serviceName: string, key: string): string {
  const value = environment(serviceName).get(key);
  assert.ok(typeof value === 'string', `${serviceName} does not set ${key} to a value`);
  return value;
}

/** Host address (with defaults; '' means all interfaces), host port and container port of each published port. */
function publishedPorts(name: string): { address: string; host: string; container: string }[] {
  return (service(name).ports ?? []).map((port) => {
    if (typeof port === 'object')
      return { address: '', host: String(port.published ?? ''), container: String(port.target ?? '') };
    const parts = withDefaults(String(port))
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const container = parts[parts.length - 1] ?? '';
    const host = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
    return { address: parts.length >= 3 ? parts.slice(0, -2).join(':') : '', host, container };
  });
}

/** The host variable a `${VAR…}` value is taken from, if it is one. */
function hostVariable(value: EnvValue | undefined): string | undefined {
  return /\$\{([A-Za-z_][A-Za-z0-9_]*)/.exec(String(value ?? ''))?.[1];
}

/** A service's environment as written in the file (anchors merged), before interpolation. */
function rawEnvironment(name: string): Record<string, EnvValue> {
  const env = service(name).environment;
  assert.ok(env && !Array.isArray(env), `${name} environment is not a map`);
  return env;
}

function dependsOn(name: string): Record<string, string> {
  const deps = service(name).depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((dep) => [dep, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([dep, spec]) => [dep, spec?.condition ?? 'service_started']));
}

function flatten(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

// ---- Dockerfiles ----

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions grouped by stage (each FROM starts one), continuation lines joined, comments dropped. */
function dockerfileStages(path: string): Instruction[][] {
  const logical = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const instruction = { keyword: (match[1] ?? '').toUpperCase(), args: match[2] ?? '' };
    if (instruction.keyword === 'FROM') stages.push([]);
    const current = stages[stages.length - 1];
    assert.ok(current, `${path}: "${line}" comes before any FROM`);
    current.push(instruction);
  }
  return stages;
}

function dockerfilePath(app: string): string {
  const build = service(app).build;
  assert.ok(build && typeof build === 'object', `${app} has no build: { context, dockerfile }`);
  assert.equal(
    build.context ?? '.',
    '.',
    `${app} must build from the repository root (the Dockerfile copies its files)`,
  );
  assert.ok(build.dockerfile, `${app} names no dockerfile`);
  return join(ROOT, build.dockerfile);
}

function finalStage(path: string): Instruction[] {
  const stages = dockerfileStages(path);
  const last = stages[stages.length - 1];
  assert.ok(last, `${path} has no FROM`);
  return last;
}

/** Names set by ENV instructions, both `ENV A=1 B=2` and the legacy `ENV A 1`. */
function envNames(stage: Instruction[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { keyword, args } of stage) {
    if (keyword !== 'ENV') continue;
    if (args.includes('=')) {
      for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g))
        names.set(match[1] ?? '', (match[2] ?? '').replace(/^"|"$/g, ''));
    } else {
      const [key, ...rest] = args.split(/\s+/);
      names.set(key ?? '', rest.join(' '));
    }
  }
  return names;
}

// ---- what the code actually reads ----

/** The TypeScript files under config/, where every setting is read (config/env.ts assembles them). */
function configSources(dir = join(ROOT, 'config')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return configSources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Environment variables config/ reads: `env.NAME` and `port(env, 'NAME', …)`. */
function configEnvNames(): Set<string> {
  const names = new Set<string>();
  for (const file of configSources()) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1] ?? '');
    for (const match of source.matchAll(/\(env, '([A-Z][A-Z0-9_]*)'/g)) names.add(match[1] ?? '');
  }
  return names;
}

/** String literals NAME matching `pattern` in the compiled JS of a package's entry directory. */
function namesInPackage(pkg: string, pattern: RegExp): Set<string> {
  const dir = dirname(require.resolve(pkg));
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')))
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(pattern)) names.add(match[1] ?? '');
  return names;
}

function variablesTheAppsRead(): { exact: Set<string>; prefixes: string[] } {
  const fromConfig = configEnvNames();
  // @temporalio/envconfig (config/temporal.ts): TEMPORAL_ADDRESS, TEMPORAL_API_KEY, TEMPORAL_TLS*, …
  const fromEnvconfig = namesInPackage('@temporalio/envconfig', /['"](TEMPORAL_[A-Z0-9_]+)['"]/g);
  // The AWS SDK's environment credential provider: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, …
  const fromAwsSdk = namesInPackage('@aws-sdk/credential-provider-env', /['"](AWS_[A-Z0-9_]+)['"]/g);
  const prefixes = [...fromEnvconfig].filter((name) => name.endsWith('_')); // TEMPORAL_GRPC_META_<header>
  return { exact: new Set([...fromConfig, ...fromEnvconfig, ...fromAwsSdk, 'NODE_ENV']), prefixes };
}

/** Bind mounts and volumes of a service: source (relative to the repository for binds) and target. */
function mounts(name: string): { source: string; target: string }[] {
  return (service(name).volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') return { source: volume.source ?? '', target: volume.target ?? '' };
    const [source = '', target = ''] = volume.split(':');
    return { source, target };
  });
}

/** The text of the script a one-shot job runs, from the file in deploy/ mounted where its command points. */
function mountedScript(name: string, command: string): string {
  const mount = mounts(name).find(({ target }) => target !== '' && command.includes(target));
  assert.ok(mount, `${name} runs no script mounted from this repository (${command})`);
  const path = join(ROOT, mount.source);
  assert.ok(existsSync(path), `${path} does not exist`);
  return readFileSync(path, 'utf8');
}

function composeCli(): { command: string; args: string[] } | undefined {
  const candidates = [
    { command: 'docker', args: ['compose'] },
    { command: 'docker-compose', args: [] },
  ];
  return candidates.find(({ command, args }) => {
    const probe = spawnSync(command, [...args, 'version'], { encoding: 'utf8', timeout: 30_000 });
    return probe.status === 0;
  });
}

describe('docker-compose.yml', () => {
  test("defines Temporal's reference layout (schema job, server, namespace job, UI), the setup job, API, worker and monitoring", () => {
    assert.deepEqual(Object.keys(compose.services).sort(), [...EXPECTED_SERVICES].sort());
  });

  test('pins every image, in compose and in the Dockerfiles, to an explicit tag that is not latest', () => {
    const images: [string, string][] = [];
    for (const [name, svc] of Object.entries(compose.services)) {
      if (svc.image) images.push([`service ${name}`, withDefaults(svc.image)]);
      else assert.ok(svc.build, `service ${name} has neither image nor build`);
    }
    for (const app of APPS) {
      const stages = dockerfileStages(dockerfilePath(app));
      const stageNames = new Set(stages.map((stage) => /\sAS\s+(\S+)/i.exec(stage[0]?.args ?? '')?.[1]?.toLowerCase()));
      for (const stage of stages) {
        const image = (stage[0]?.args ?? '').replace(/--platform=\S+\s+/, '').split(/\s+/)[0] ?? '';
        if (!stageNames.has(image.toLowerCase())) images.push([`${app} Dockerfile`, image]);
      }
    }
    for (const [where, image] of images) {
      const tag = /:([^/:@]+)(@sha256:[0-9a-f]+)?$/.exec(image)?.[1];
      assert.ok(tag, `${where}: image "${image}" has no tag`);
      assert.notEqual(tag, 'latest', `${where}: image "${image}" floats on latest`);
    }
  });

  test('uses temporalio/server with schema and namespace jobs, never the deprecated temporalio/auto-setup', () => {
    for (const [name, svc] of Object.entries(compose.services))
      assert.doesNotMatch(svc.image ?? '', /auto-setup/, `${name} runs the deprecated auto-setup image`);
    assert.match(service('temporal').image ?? '', /^temporalio\/server:/);
    // The tag, without a digest (pinned, the two images' digests differ).
    const serverTag = /^temporalio\/server:([^@]+)/.exec(service('temporal').image ?? '')?.[1];
    for (const job of ['temporal-schema', 'temporal-create-namespace'])
      assert.equal(
        (service(job).image ?? '').replace(/@sha256:[0-9a-f]{64}$/, ''),
        `temporalio/admin-tools:${serverTag}`,
        `${job} must use the admin-tools release of the server it prepares`,
      );
  });

  test('creates and migrates both Temporal databases with temporal-sql-tool before the server starts', () => {
    const schema = service('temporal-schema');
    const script = mountedScript('temporal-schema', flatten(schema.command));
    assert.match(script, /temporal-sql-tool/);
    assert.match(script, /--plugin postgres12/);
    assert.match(
      script,
      /\/etc\/temporal\/schema\/postgresql\/v12\b/,
      "the admin-tools image's PostgreSQL v12 schemas",
    );
    assert.match(script, /temporal:temporal temporal_visibility:visibility/, 'both databases are set up');
    assert.match(script, /update-schema -d "\$SCHEMA_ROOT\/\$dir\/versioned"/);
    assert.match(script, /setup-schema -v 0\.0/);
    assert.equal(rawEnvironment('temporal-schema').SQL_PASSWORD, rawEnvironment('temporal').POSTGRES_PWD);
  });

  test('gives the server a dynamic config file from deploy/ and a Prometheus endpoint', () => {
    const path = envValue('temporal', 'DYNAMIC_CONFIG_FILE_PATH');
    const mount = mounts('temporal').find(({ target }) => target === '/etc/temporal/config/dynamicconfig');
    assert.ok(mount, 'the dynamic config folder is not mounted where the server looks');
    assert.match(path, /^config\/dynamicconfig\/[\w.-]+\.ya?ml$/);
    const file = join(ROOT, mount.source, path.replace('config/dynamicconfig/', ''));
    assert.ok(existsSync(file), `${file} does not exist`);
    const config = parse(readFileSync(file, 'utf8')) as Record<string, { value: unknown }[]>;
    for (const [key, values] of Object.entries(config))
      assert.ok(Array.isArray(values) && values.every((v) => 'value' in v), `${key}: not a list of { value }`);
    assert.notEqual(
      config['system.forceSearchAttributesCacheRefreshOnRead']?.[0]?.value,
      true,
      'a development-only switch',
    );
    assert.match(envValue('temporal', 'PROMETHEUS_ENDPOINT'), /^0\.0\.0\.0:\d+$/);
  });

  test('creates the namespace the apps use, with an explicit retention', () => {
    const env = environment('temporal-create-namespace');
    assert.equal(env.get('NAMESPACE'), envValue('api', 'TEMPORAL_NAMESPACE'));
    assert.equal(env.get('TEMPORAL_ADDRESS'), 'temporal:7233');
    const retention = /^(\d+)d$/.exec(env.get('NAMESPACE_RETENTION') ?? '');
    assert.ok(retention && Number(retention[1]) >= 1, 'the retention is not a whole number of days');
    const script = mountedScript('temporal-create-namespace', flatten(service('temporal-create-namespace').command));
    assert.match(script, /namespace create [^\n]*--retention "\$NAMESPACE_RETENTION"/);
    assert.match(
      script,
      /namespace update [^\n]*--retention "\$NAMESPACE_RETENTION"/,
      'a rerun applies a new retention',
    );
  });

  test('runs the setup job (migrations and search attributes) from the worker image before the API and the worker', () => {
    const setup = service('setup');
    assert.deepEqual(setup.build, service('worker').build);
    assert.deepEqual(setup.command, ['node', 'dist/apps/worker/setup.js']);
    assert.equal(envValue('setup', 'DATABASE_URL'), envValue('worker', 'DATABASE_URL'));
    for (const key of ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE'])
      assert.equal(envValue('setup', key), envValue('worker', key), key);
    for (const [name, svc] of Object.entries(compose.services))
      assert.doesNotMatch(
        `${flatten(svc.entrypoint)} ${flatten(svc.command)}`,
        /search-attribute create/,
        `${name} registers search attributes itself; that is the setup job's`,
      );
  });

  test('publishes the API on the host loopback by default, and nothing on all interfaces', () => {
    assert.deepEqual(publishedPorts('api'), [
      { address: '127.0.0.1', host: '3000', container: '3000' },
      { address: '127.0.0.1', host: '8234', container: '8234' },
    ]);
    assert.equal(envValue('api', 'PORT'), '3000', 'the API must listen on the container port that is published');
    assert.deepEqual(publishedPorts('temporal'), [{ address: '127.0.0.1', host: '7233', container: '7233' }]);
    assert.deepEqual(publishedPorts('temporal-ui'), [{ address: '127.0.0.1', host: '8233', container: '8080' }]);
    assert.deepEqual(publishedPorts('postgresql'), [], 'the database needs no port on the host');
    for (const name of Object.keys(compose.services))
      for (const port of publishedPorts(name))
        assert.equal(port.address, '127.0.0.1', `${name} publishes ${port.host} on all interfaces`);
  });

  test('makes the API listen on all interfaces inside its container, not on the app default 127.0.0.1', () => {
    assert.equal(envValue('api', 'HOST'), '0.0.0.0');
  });

  test('health-checks the API on readiness and the worker on its own health endpoint', () => {
    assert.match(flatten(service('api').healthcheck?.test), /127\.0\.0\.1:3000\/health\/ready/);
    assert.match(flatten(service('worker').healthcheck?.test), /127\.0\.0\.1:9466\/health\/ready/);
  });

  test("gives the worker and the API longer to stop than the worker's shutdown grace", () => {
    const grace = workerShutdownGraceSeconds();
    for (const app of APPS) {
      const period = service(app).stop_grace_period;
      assert.ok(period !== undefined, `${app} has Docker's default 10 s stop grace period`);
      assert.ok(
        durationSeconds(period) > grace,
        `${app} stop_grace_period ${period} is not longer than the worker's ${grace} s`,
      );
    }
  });

  test('points the API, the worker, the setup job and the UI at the temporal service on its frontend port 7233', () => {
    for (const name of [...APP_CONTAINERS, 'temporal-ui'])
      assert.equal(envValue(name, 'TEMPORAL_ADDRESS'), 'temporal:7233', name);
  });

  test('gives the API and the worker the same, non-empty task queue and namespace', () => {
    for (const key of ['TASK_QUEUE', 'TEMPORAL_NAMESPACE']) {
      const [api, worker] = APPS.map((app) => envValue(app, key));
      assert.ok(api, `api ${key} is empty`);
      assert.equal(worker, api, `api and worker disagree on ${key}`);
    }
  });

  test('requires every secret from the host, with no default to ship', () => {
    const secrets: [string, string][] = [
      ['api', 'LINK_SIGNING_SECRET'],
      ['worker', 'LINK_SIGNING_SECRET'],
      ['api', 'API_KEY'],
      ['api', 'SHOP_ORIGINS'],
      ['api', 'PAYLOAD_ENCRYPTION_KEYS'],
      ['worker', 'PAYLOAD_ENCRYPTION_KEYS'],
      ['postgresql', 'POSTGRES_PASSWORD'],
      ['postgresql', 'TEMPORAL_DB_PASSWORD'],
      ['postgresql', 'RECOVERY_DB_PASSWORD'],
      ['temporal', 'POSTGRES_PWD'],
      ['temporal-schema', 'SQL_PASSWORD'],
    ];
    for (const [name, key] of secrets)
      assert.match(String(rawEnvironment(name)[key]), /^\$\{[A-Z_]+:\?[^}]+\}$/, `${name} ${key} is not \${VAR:?…}`);
    for (const app of APP_CONTAINERS)
      assert.match(String(rawEnvironment(app).DATABASE_URL), /\$\{RECOVERY_DB_PASSWORD:\?/, app);
    assert.equal(rawEnvironment('api').LINK_SIGNING_SECRET, rawEnvironment('worker').LINK_SIGNING_SECRET);
    assert.equal(environment('api').has('API_AUTH'), false, 'the API must not switch auth off');
    for (const app of APP_CONTAINERS)
      assert.equal(environment(app).has('PAYLOAD_ENCRYPTION'), false, `${app} must not switch encryption off`);
    for (const name of ['API_KEY', 'SHOP_ORIGINS'])
      assert.equal(environment('worker').has(name), false, `the worker serves no HTTP and needs no ${name}`);
  });

  test('lists every required host variable in deploy/compose.env.example, which the header says to copy', () => {
    const required = new Set(
      readFileSync(COMPOSE_FILE, 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .flatMap((line) => [...line.matchAll(/\$\{([A-Z_]+):\?/g)].map((match) => match[1] ?? '')),
    );
    assert.ok(required.size >= 7, [...required].join(', '));
    const example = readFileSync(join(ROOT, 'deploy', 'compose.env.example'), 'utf8');
    for (const name of required) assert.match(example, new RegExp(`^${name}=`, 'm'), `${name} is not in the example`);
    assert.match(readFileSync(COMPOSE_FILE, 'utf8'), /cp deploy\/compose\.env\.example \.env/);
    const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
    assert.ok(ignored.includes('.env'), 'a filled-in .env could be committed');
  });

  test('serves metrics inside the compose network only, where the monitoring profile scrapes them', () => {
    assert.equal(envValue('api', 'API_METRICS_ADDRESS'), '0.0.0.0:9465');
    assert.equal(envValue('worker', 'WORKER_METRICS_ADDRESS'), '0.0.0.0:9464');
    const published = APPS.flatMap((app) => publishedPorts(app).map(({ container }) => container));
    assert.ok(!published.includes('9465') && !published.includes('9464'), 'a metrics port is published on the host');
    for (const name of MONITORING)
      assert.deepEqual(service(name).profiles, ['monitoring'], `${name} starts by default`);
    const prometheus = parse(readFileSync(join(ROOT, 'deploy/prometheus/prometheus.yml'), 'utf8')) as {
      scrape_configs: { static_configs: { targets: string[] }[] }[];
    };
    const targets = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((c) => c.targets));
    const port = (address: string) => address.split(':').pop();
    assert.deepEqual(targets.sort(), [
      `api:${port(envValue('api', 'API_METRICS_ADDRESS'))}`,
      `temporal:${port(envValue('temporal', 'PROMETHEUS_ENDPOINT'))}`,
      `worker:${port(envValue('worker', 'WORKER_METRICS_ADDRESS'))}`,
    ]);
  });

  test('passes the OTLP endpoint from the host to the API and the worker, off when unset, each under its own service name', () => {
    const api = rawEnvironment('api');
    const worker = rawEnvironment('worker');
    assert.equal(hostVariable(api.OTEL_EXPORTER_OTLP_ENDPOINT), 'OTEL_EXPORTER_OTLP_ENDPOINT');
    assert.equal(hostVariable(worker.OTEL_EXPORTER_OTLP_ENDPOINT), 'OTEL_EXPORTER_OTLP_ENDPOINT');
    // Empty is off in config/tracing.ts: a host without a collector exports nothing.
    assert.equal(envValue('api', 'OTEL_EXPORTER_OTLP_ENDPOINT'), '');
    assert.equal(envValue('api', 'OTEL_SERVICE_NAME'), 'checkout-recovery-api');
    assert.equal(envValue('worker', 'OTEL_SERVICE_NAME'), 'checkout-recovery-worker');
    assert.equal(hostVariable(api.OTEL_SERVICE_NAME), undefined, "one host value would merge the two services' traces");
  });

  test('adds Jaeger in the tracing profile: OTLP inside the network, its UI on the host loopback only', () => {
    assert.deepEqual(service('jaeger').profiles, ['tracing']);
    assert.deepEqual(publishedPorts('jaeger'), [{ address: '127.0.0.1', host: '16686', container: '16686' }]);
    const example = readFileSync(join(ROOT, 'deploy/compose.env.example'), 'utf8');
    assert.match(example, /^# OTEL_EXPORTER_OTLP_ENDPOINT=http:\/\/jaeger:4318/m, 'the example names the endpoint');
  });

  test('points the Temporal UI at the API codec listener, on the host loopback only, which lets the UI origin in', () => {
    const endpoint = new URL(envValue('temporal-ui', 'TEMPORAL_CODEC_ENDPOINT'));
    assert.equal(endpoint.pathname, '/codec');
    assert.match(endpoint.hostname, /^(localhost|127\.0\.0\.1)$/);
    const codecPort = envValue('api', 'CODEC_ADDRESS').split(':').pop();
    assert.notEqual(codecPort, envValue('api', 'PORT'), 'the codec must not share the public port');
    assert.ok(
      (service('api').ports ?? []).includes(`127.0.0.1:${endpoint.port}:${codecPort}`),
      'the codec port is published on the host loopback only, where the UI is',
    );
    const origins = envValue('api', 'CODEC_CORS_ORIGINS').split(',');
    assert.ok(origins.includes('http://localhost:8233'), 'the UI published on 8233 must be allowed');
  });

  test('gives the API and the worker the same public URL for links', () => {
    assert.equal(envValue('worker', 'PUBLIC_API_URL'), envValue('api', 'PUBLIC_API_URL'));
    assert.match(envValue('api', 'PUBLIC_API_URL'), /^https?:\/\//);
  });

  test('gives the API the same database as the worker: the preferences it writes are the consent the worker reads', () => {
    assert.equal(envValue('api', 'DATABASE_URL'), envValue('worker', 'DATABASE_URL'));
  });

  test('gives the ledger and Temporal separate databases and roles, neither the superuser, all made by the init script', () => {
    const url = new URL(envValue('worker', 'DATABASE_URL').replace(REQUIRED_FROM_HOST, 'secret'));
    assert.match(url.protocol, /^postgres(ql)?:$/);
    assert.equal(url.hostname, 'postgresql');
    assert.ok(url.port === '' || url.port === '5432', `unexpected port ${url.port}`);
    const database = url.pathname.slice(1);
    assert.ok(
      !['', 'temporal', 'temporal_visibility'].includes(database),
      "the app must not share Temporal's databases",
    );

    const superuser = envValue('postgresql', 'POSTGRES_USER');
    const temporalUser = envValue('temporal', 'POSTGRES_USER');
    assert.notEqual(url.username, temporalUser, 'the ledger and Temporal share a role');
    assert.ok(![url.username, temporalUser].includes(superuser), 'an app connects as the superuser');
    assert.equal(envValue('temporal-schema', 'POSTGRES_USER'), temporalUser);

    const initScripts = mounts('postgresql').filter(({ target }) => target.startsWith('/docker-entrypoint-initdb.d'));
    assert.equal(initScripts.length, 1, 'postgresql mounts no init script into /docker-entrypoint-initdb.d');
    const scriptPath = join(ROOT, initScripts[0]?.source ?? '');
    assert.ok(existsSync(scriptPath), `${scriptPath} does not exist`);
    const script = readFileSync(scriptPath, 'utf8');
    assert.match(script, new RegExp(`CREATE DATABASE ${database} OWNER ${url.username}\\b`));
    assert.match(script, new RegExp(`CREATE ROLE ${url.username} LOGIN PASSWORD :'recovery_password'`));
    assert.match(script, new RegExp(`CREATE ROLE ${temporalUser} LOGIN CREATEDB PASSWORD :'temporal_password'`));
    assert.doesNotMatch(script, /SUPERUSER/);
    // The passwords the roles get are the ones the clients use: the same host variables.
    const postgres = rawEnvironment('postgresql');
    assert.match(script, /temporal_password="\$\{TEMPORAL_DB_PASSWORD:\?\}"/);
    assert.match(script, /recovery_password="\$\{RECOVERY_DB_PASSWORD:\?\}"/);
    assert.equal(hostVariable(postgres.TEMPORAL_DB_PASSWORD), hostVariable(rawEnvironment('temporal').POSTGRES_PWD));
    assert.equal(hostVariable(postgres.RECOVERY_DB_PASSWORD), hostVariable(rawEnvironment('worker').DATABASE_URL));
    assert.equal(hostVariable(postgres.TEMPORAL_DB_PASSWORD), 'TEMPORAL_DB_PASSWORD');
    assert.equal(hostVariable(postgres.RECOVERY_DB_PASSWORD), 'RECOVERY_DB_PASSWORD');
  });

  test("stores Temporal's state in the postgresql service through the postgres12 plugin, on a volume", () => {
    for (const name of ['temporal', 'temporal-schema']) {
      assert.equal(envValue(name, 'DB'), 'postgres12', name);
      assert.equal(envValue(name, 'POSTGRES_SEEDS'), 'postgresql', name);
      assert.equal(envValue(name, 'DB_PORT'), '5432', name);
    }
    assert.ok(
      mounts('postgresql').some(({ target }) => target === '/var/lib/postgresql/data'),
      'postgresql keeps its data in no volume',
    );
  });

  test('starts each service only once what it needs is up or done', () => {
    assert.deepEqual(dependsOn('temporal-schema'), { postgresql: 'service_healthy' });
    assert.deepEqual(dependsOn('temporal'), { 'temporal-schema': 'service_completed_successfully' });
    assert.deepEqual(dependsOn('temporal-create-namespace'), { temporal: 'service_healthy' });
    assert.equal(dependsOn('setup')['temporal-create-namespace'], 'service_completed_successfully');
    assert.equal(dependsOn('setup').postgresql, 'service_healthy');
    for (const app of APPS) {
      const deps = dependsOn(app);
      assert.equal(deps.temporal, 'service_healthy', `${app} must wait for a healthy temporal`);
      assert.equal(deps.postgresql, 'service_healthy', `${app} must wait for its database`);
      assert.equal(
        deps.setup,
        'service_completed_successfully',
        `${app} must wait for the setup job: migrations, and upserting an unregistered search attribute fails the workflow task`,
      );
    }
    for (const name of Object.keys(compose.services)) {
      for (const [dep, condition] of Object.entries(dependsOn(name))) {
        assert.ok(compose.services[dep], `${name} depends on unknown service ${dep}`);
        if (condition === 'service_healthy')
          assert.ok(
            compose.services[dep]?.healthcheck?.test,
            `${name} waits for ${dep} to be healthy, but it has no healthcheck`,
          );
      }
    }
  });

  test('sets on the API, the worker and the setup job only variables that config/, envconfig or the AWS SDK read', () => {
    const { exact, prefixes } = variablesTheAppsRead();
    for (const name of [
      'TEMPORAL_ADDRESS',
      'TASK_QUEUE',
      'DATABASE_URL',
      'PORT',
      'LINK_SIGNING_SECRET',
      'RECOVERY_SCHEDULE_FILE',
      'QUIET_HOURS',
      'PAYLOAD_ENCRYPTION_KEYS',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
    ])
      assert.ok(exact.has(name), `the scan of what the code reads missed ${name}; fix the test`);
    for (const app of APP_CONTAINERS) {
      const image = app === 'setup' ? 'worker' : app;
      const set = [...environment(app).keys(), ...envNames(finalStage(dockerfilePath(image))).keys()];
      for (const name of set)
        assert.ok(
          exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix)),
          `${app} sets ${name}, which nothing reads (a typo?)`,
        );
    }
  });

  test('never sets a Temporal connection variable to an empty or host-dependent value, since envconfig takes "" as set', () => {
    for (const app of APP_CONTAINERS)
      for (const [name, value] of environment(app))
        if (name.startsWith('TEMPORAL_'))
          assert.ok(value, `${app} ${name} is empty or passed through; an empty TEMPORAL_API_KEY even turns TLS on`);
  });

  test('is accepted by `docker compose config`, which refuses it without any one required secret', async (t) => {
    const cli = composeCli();
    if (!cli) {
      const why =
        'neither `docker compose` nor `docker-compose` works on this machine (Debian: apt-get install docker-compose)';
      // CI installs it and sets REQUIRE_COMPOSE_CHECK, so there this check can never quietly not run.
      assert.ok(!process.env.REQUIRE_COMPOSE_CHECK, why);
      t.skip(`${why}, so the file cannot be validated by compose itself`);
      return;
    }
    const config = (env: NodeJS.ProcessEnv, args: string[] = ['-q']) =>
      spawnSync(cli.command, [...cli.args, '-f', COMPOSE_FILE, 'config', ...args], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
    // What an operator must set; compose refuses the file without each of them.
    const required: Record<string, string> = {
      POSTGRES_PASSWORD: 'p'.repeat(48),
      TEMPORAL_DB_PASSWORD: 't'.repeat(48),
      RECOVERY_DB_PASSWORD: 'r'.repeat(48),
      LINK_SIGNING_SECRET: 'x'.repeat(44),
      PAYLOAD_ENCRYPTION_KEYS: `k1:${'k'.repeat(44)}`,
      API_KEY: 'k'.repeat(44),
      SHOP_ORIGINS: 'https://shop.example.com',
    };
    const hostEnv = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !(name in required) && name !== 'API_PUBLISH_ADDRESS'),
    );
    const run = config({ ...hostEnv, ...required }, []);
    assert.equal(run.status, 0, `${cli.command} ${cli.args.join(' ')} config failed:\n${run.stderr}${run.stdout}`);
    // As compose itself resolves it: the API on the host loopback, the worker given time to drain.
    const resolved = parse(run.stdout) as ComposeFile;
    const apiPorts = (resolved.services.api?.ports ?? []).map((port) =>
      typeof port === 'object' ? `${(port as { host_ip?: string }).host_ip}:${port.published}` : String(port),
    );
    assert.ok(apiPorts.length > 0 && apiPorts.every((port) => /^127\.0\.0\.1:/.test(port)), apiPorts.join(', '));
    const workerGrace = resolved.services.worker?.stop_grace_period;
    assert.ok(workerGrace !== undefined && durationSeconds(workerGrace) > workerShutdownGraceSeconds());
    // One run per missing secret, side by side: each is a process start, most of it waiting.
    const runs = await Promise.all(
      Object.keys(required).map(async (name) => {
        const child = spawn(cli.command, [...cli.args, '-f', COMPOSE_FILE, 'config', '-q'], {
          cwd: ROOT,
          env: { ...hostEnv, ...required, [name]: '' },
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const [status] = (await once(child, 'close')) as [number | null];
        return { name, status, output };
      }),
    );
    for (const { name, status, output } of runs) {
      assert.notEqual(status, 0, `compose accepted the file without ${name}`);
      assert.match(output, new RegExp(name));
    }
  });
});

describe('apps/*/Dockerfile', () => {
  for (const app of APPS) {
    test(`${app} image starts, as a non-root user, the file the TypeScript build emits for apps/${app}/main.ts`, () => {
      const path = dockerfilePath(app);
      assert.ok(existsSync(path), `${path} does not exist`);
      const runtime = finalStage(path);
      const cmd = runtime.filter(({ keyword }) => keyword === 'CMD').pop();
      assert.ok(cmd, `${path}: the runtime stage has no CMD`);
      const argv = JSON.parse(cmd.args) as string[];
      assert.deepEqual(argv, ['node', `dist/apps/${app}/main.js`]);
      const user = runtime.filter(({ keyword }) => keyword === 'USER').pop()?.args;
      assert.ok(user && !['root', '0', '0:0'].includes(user), `${path}: the runtime stage runs as root`);
      assert.equal(envNames(runtime).get('NODE_ENV'), 'production');
      // Last, as apps/<app>/main.ts may still be on its way while everything else here holds.
      const source = join(ROOT, (argv[1] ?? '').replace(/^dist\//, '').replace(/\.js$/, '.ts'));
      assert.ok(existsSync(source), `${source} does not exist, so the build emits no ${argv[1]}`);
    });

    test(`${app} image installs only production dependencies at run time and copies dist/ and config/`, () => {
      const path = dockerfilePath(app);
      const stages = dockerfileStages(path);
      assert.ok(stages.length >= 2, `${path} is not multi-stage`);
      const runtime = finalStage(path);
      const runs = runtime.filter(({ keyword }) => keyword === 'RUN').map(({ args }) => args);
      assert.ok(
        runs.some((run) => /npm ci\b.*--omit=dev/.test(run)),
        `${path}: no npm ci --omit=dev in the runtime stage`,
      );
      const copies = runtime.filter(({ keyword }) => keyword === 'COPY').map(({ args }) => args);
      assert.ok(
        copies.some((copy) => /--from=\S+\s+\S*dist\/?\s/.test(copy)),
        `${path}: the runtime stage does not copy dist/ from the build stage`,
      );
      assert.ok(
        copies.some((copy) => /(^|\s)\.?\/?config\/?\s/.test(copy)),
        `${path}: config/ (the schedule file) is missing`,
      );
      assert.ok(existsSync(join(ROOT, 'config', 'schedule.json')));
    });

    test(`${app} image keeps the postinstall from pip-installing Temporal binaries during npm ci`, () => {
      const stages = dockerfileStages(dockerfilePath(app));
      assert.ok(existsSync(join(ROOT, 'scripts', 'install-temporal.sh')));
      for (const stage of stages) {
        const env = envNames(stage);
        for (const { keyword, args } of stage) {
          if (keyword !== 'RUN' || !/npm ci\b/.test(args)) continue;
          for (const name of ['TEMPORAL_CLI_PATH', 'TEMPORAL_TEST_SERVER_PATH'])
            assert.ok(
              new RegExp(`${name}=/bin/true\\b`).test(args) || env.get(name) === '/bin/true',
              `"RUN ${args}" does not set ${name}=/bin/true`,
            );
        }
        const copiesScript = stage.some(
          ({ keyword, args }) => keyword === 'COPY' && /scripts\/install-temporal\.sh|^\.\s/.test(args),
        );
        if (stage.some(({ keyword, args }) => keyword === 'RUN' && /npm ci\b/.test(args)))
          assert.ok(copiesScript, 'npm ci runs the postinstall, which needs scripts/install-temporal.sh copied first');
      }
    });
  }

  test('worker image pre-builds the workflow bundle with the compiled scripts/bundle-workflows.ts', () => {
    const stages = dockerfileStages(dockerfilePath('worker'));
    const runs = stages.flat().filter(({ keyword }) => keyword === 'RUN');
    assert.ok(
      runs.some(({ args }) => /node dist\/scripts\/bundle-workflows\.js/.test(args)),
      'the worker image never runs dist/scripts/bundle-workflows.js',
    );
    assert.ok(existsSync(join(ROOT, 'scripts', 'bundle-workflows.ts')), 'scripts/bundle-workflows.ts does not exist');
  });

  test('build context leaves out local state and build output but keeps the sources', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const entry of ['node_modules', 'dist', '.tools', '.data', '.git', 'test'])
      assert.ok(ignored.includes(entry), `.dockerignore does not leave out ${entry}`);
    for (const needed of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'config',
      'common',
      'apps',
      'workflows',
      'activities',
      'scripts',
    ])
      assert.ok(
        !ignored.some(
          (pattern) => pattern === needed || pattern === `${needed}/` || pattern === '*' || pattern === '**',
        ),
        `.dockerignore leaves out ${needed}, which the build needs`,
      );
  });
});
