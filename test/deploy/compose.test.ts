// The production-like deployment (docker-compose.yml, apps/*/Dockerfile) checked without a Docker
// engine: the wiring between services, the images' entry points and the environment they set.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { SEARCH_ATTRIBUTES } from '../../common/search-attributes';

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
  healthcheck?: { test?: string | string[] };
  entrypoint?: string | string[];
  command?: string | string[];
  volumes?: VolumeSpec[];
}

interface ComposeFile {
  services: Record<string, Service>;
}

const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeFile;

const EXPECTED_SERVICES = ['postgresql', 'temporal', 'temporal-admin-tools', 'temporal-ui', 'api', 'worker'];
const APPS = ['api', 'worker'] as const;

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

/** Host and container port of each published port ("127.0.0.1:7233:7233", "3000:3000", long syntax). */
function publishedPorts(name: string): { host: string; container: string }[] {
  return (service(name).ports ?? []).map((port) => {
    if (typeof port === 'object') return { host: String(port.published ?? ''), container: String(port.target ?? '') };
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const container = parts[parts.length - 1] ?? '';
    return { host: parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '', container };
  });
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
  test('defines postgresql, temporal, temporal-admin-tools, temporal-ui, api and worker', () => {
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

  test('publishes the API on 3000, Temporal gRPC on 7233 and the Temporal UI on 8233', () => {
    assert.deepEqual(publishedPorts('api'), [
      { host: '3000', container: '3000' },
      { host: '8234', container: '8234' },
    ]);
    assert.equal(envValue('api', 'PORT'), '3000', 'the API must listen on the container port that is published');
    assert.deepEqual(publishedPorts('temporal'), [{ host: '7233', container: '7233' }]);
    assert.deepEqual(publishedPorts('temporal-ui'), [{ host: '8233', container: '8080' }]);
    assert.deepEqual(publishedPorts('postgresql'), [], 'the database needs no port on the host');
  });

  test('makes the API listen on all interfaces inside its container, not on the app default 127.0.0.1', () => {
    assert.equal(envValue('api', 'HOST'), '0.0.0.0');
  });

  test('health-checks the API with GET /health on its own port', () => {
    const check = flatten(service('api').healthcheck?.test);
    assert.match(check, /127\.0\.0\.1:3000\/health|localhost:3000\/health/);
  });

  test('points the API, the worker and the UI at the temporal service on its frontend port 7233', () => {
    for (const name of [...APPS, 'temporal-ui'])
      assert.equal(envValue(name, 'TEMPORAL_ADDRESS'), 'temporal:7233', name);
  });

  test('gives the API and the worker the same, non-empty task queue and namespace', () => {
    for (const key of ['TASK_QUEUE', 'TEMPORAL_NAMESPACE']) {
      const [api, worker] = APPS.map((app) => envValue(app, key));
      assert.ok(api, `api ${key} is empty`);
      assert.equal(worker, api, `api and worker disagree on ${key}`);
    }
  });

  test('makes the host give the API and the worker the one link signing secret, with no default to ship', () => {
    for (const app of APPS) assert.equal(envValue(app, 'LINK_SIGNING_SECRET'), REQUIRED_FROM_HOST, app);
    const [api, worker] = APPS.map((app) => service(app).environment as Record<string, EnvValue>);
    assert.equal(api?.LINK_SIGNING_SECRET, worker?.LINK_SIGNING_SECRET);
  });

  test('makes the host give the API a key and its shop origins, so the production image never starts open', () => {
    assert.equal(envValue('api', 'API_KEY'), REQUIRED_FROM_HOST);
    assert.equal(envValue('api', 'SHOP_ORIGINS'), REQUIRED_FROM_HOST);
    assert.equal(environment('api').has('API_AUTH'), false, 'the API must not switch auth off');
    for (const name of ['API_KEY', 'SHOP_ORIGINS'])
      assert.equal(environment('worker').has(name), false, `the worker serves no HTTP and needs no ${name}`);
  });

  test('serves metrics inside the compose network only: all interfaces in the container, no published port', () => {
    assert.equal(envValue('api', 'API_METRICS_ADDRESS'), '0.0.0.0:9465');
    assert.equal(envValue('worker', 'WORKER_METRICS_ADDRESS'), '0.0.0.0:9464');
    const published = APPS.flatMap((app) => publishedPorts(app).map(({ container }) => container));
    assert.ok(!published.includes('9465') && !published.includes('9464'), 'a metrics port is published on the host');
  });

  test('gives the API and the worker the same payload keys, from the host and never written into the file', () => {
    for (const app of APPS) {
      const raw = service(app).environment;
      assert.ok(raw && !Array.isArray(raw), `${app} environment is not a map`);
      assert.match(
        String(raw.PAYLOAD_ENCRYPTION_KEYS),
        /^\$\{PAYLOAD_ENCRYPTION_KEYS(:?-)?\}$/,
        `${app} must take PAYLOAD_ENCRYPTION_KEYS from the host, without a default key`,
      );
      assert.equal(environment(app).has('PAYLOAD_ENCRYPTION'), false, `${app} must not switch encryption off`);
    }
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

  test('connects the worker to the recovery database of the postgresql service, which the init script creates', () => {
    const url = new URL(envValue('worker', 'DATABASE_URL'));
    assert.match(url.protocol, /^postgres(ql)?:$/);
    assert.equal(url.hostname, 'postgresql');
    assert.ok(url.port === '' || url.port === '5432', `unexpected port ${url.port}`);
    const database = url.pathname.slice(1);
    assert.notEqual(database, '', 'DATABASE_URL names no database');
    assert.ok(!['temporal', 'temporal_visibility'].includes(database), "the app must not share Temporal's databases");

    const initScripts = (service('postgresql').volumes ?? [])
      .map((volume) =>
        typeof volume === 'string'
          ? { source: volume.split(':')[0] ?? '', target: volume.split(':')[1] ?? '' }
          : { source: volume.source ?? '', target: volume.target ?? '' },
      )
      .filter(({ target }) => target.startsWith('/docker-entrypoint-initdb.d'));
    assert.equal(initScripts.length, 1, 'postgresql mounts no init script into /docker-entrypoint-initdb.d');
    const scriptPath = join(ROOT, initScripts[0]?.source ?? '');
    assert.ok(existsSync(scriptPath), `${scriptPath} does not exist`);
    const script = readFileSync(scriptPath, 'utf8');
    assert.match(script, new RegExp(`CREATE DATABASE ${database}\\b`));
    assert.match(script, new RegExp(`CREATE ROLE ${url.username}\\b`));
    assert.equal(
      decodeURIComponent(url.password),
      envValue('postgresql', 'RECOVERY_DB_PASSWORD'),
      'the password in DATABASE_URL is not the one the init script gives the role',
    );
  });

  test("stores Temporal's state in the postgresql service, with the credentials postgresql is set up with", () => {
    assert.equal(envValue('temporal', 'DB'), 'postgres12');
    assert.equal(envValue('temporal', 'POSTGRES_SEEDS'), 'postgresql');
    assert.equal(envValue('temporal', 'DB_PORT'), '5432');
    assert.equal(envValue('temporal', 'POSTGRES_USER'), envValue('postgresql', 'POSTGRES_USER'));
    assert.equal(envValue('temporal', 'POSTGRES_PWD'), envValue('postgresql', 'POSTGRES_PASSWORD'));
    const dataVolume = (service('postgresql').volumes ?? []).some((volume) =>
      (typeof volume === 'string' ? volume : `${volume.source}:${volume.target}`).endsWith(':/var/lib/postgresql/data'),
    );
    assert.ok(dataVolume, 'postgresql keeps its data in no volume');
  });

  test('starts each service only once what it needs is up', () => {
    assert.deepEqual(dependsOn('temporal'), { postgresql: 'service_healthy' });
    assert.equal(dependsOn('temporal-admin-tools').temporal, 'service_healthy');
    for (const app of APPS) {
      const deps = dependsOn(app);
      assert.equal(deps.temporal, 'service_healthy', `${app} must wait for a healthy temporal`);
      assert.equal(
        deps['temporal-admin-tools'],
        'service_completed_successfully',
        `${app} must wait for the search attributes: upserting an unregistered one fails the workflow task`,
      );
    }
    assert.equal(dependsOn('worker').postgresql, 'service_healthy');
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

  test('registers every search attribute of common/search-attributes.ts with its type on temporal:7233, tolerating reruns', () => {
    const admin = service('temporal-admin-tools');
    const script = `${flatten(admin.entrypoint)}\n${flatten(admin.command)}`;
    const creates = script.split('\n').filter((line) => /temporal\s+operator\s+search-attribute\s+create\b/.test(line));
    const registered: Record<string, string> = {};
    for (const line of creates) {
      const name = /--name[ =](\S+)/.exec(line)?.[1];
      const type = /--type[ =](\S+)/.exec(line)?.[1];
      assert.ok(name && type, `cannot read --name/--type from: ${line}`);
      registered[name] = type;
      assert.match(line, /--address[ =]temporal:7233\b/, `not aimed at temporal:7233: ${line}`);
      assert.match(line, /\|\|/, `an "already exists" failure would abort the rerun: ${line}`);
    }
    assert.deepEqual(registered, { ...SEARCH_ATTRIBUTES });
  });

  test('sets on the API and the worker only variables that config/, envconfig or the AWS SDK read', () => {
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
    for (const app of APPS) {
      const set = [...environment(app).keys(), ...envNames(finalStage(dockerfilePath(app))).keys()];
      for (const name of set)
        assert.ok(
          exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix)),
          `${app} sets ${name}, which nothing reads (a typo?)`,
        );
    }
  });

  test('never sets a Temporal connection variable to an empty or host-dependent value, since envconfig takes "" as set', () => {
    for (const app of APPS)
      for (const [name, value] of environment(app))
        if (name.startsWith('TEMPORAL_'))
          assert.ok(value, `${app} ${name} is empty or passed through; an empty TEMPORAL_API_KEY even turns TLS on`);
  });

  test('is accepted by `docker compose config`', (t) => {
    const cli = composeCli();
    if (!cli) {
      const why =
        'neither `docker compose` nor `docker-compose` works on this machine (Debian: apt-get install docker-compose)';
      // CI installs it and sets REQUIRE_COMPOSE_CHECK, so there this check can never quietly not run.
      assert.ok(!process.env.REQUIRE_COMPOSE_CHECK, why);
      t.skip(`${why}, so the file cannot be validated by compose itself`);
      return;
    }
    const config = (env: NodeJS.ProcessEnv) =>
      spawnSync(cli.command, [...cli.args, '-f', COMPOSE_FILE, 'config', '-q'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const { LINK_SIGNING_SECRET: _s, API_KEY: _k, SHOP_ORIGINS: _o, ...hostEnv } = process.env;
    // What an operator must set; compose refuses the file without each of them.
    const required = {
      LINK_SIGNING_SECRET: 'x'.repeat(44),
      API_KEY: 'k'.repeat(44),
      SHOP_ORIGINS: 'https://shop.example.com',
    };
    const run = config({ ...hostEnv, ...required });
    assert.equal(run.status, 0, `${cli.command} ${cli.args.join(' ')} config failed:\n${run.stderr}${run.stdout}`);
    for (const name of Object.keys(required)) {
      const without = config({ ...hostEnv, ...required, [name]: '' });
      assert.notEqual(without.status, 0, `compose accepted the file without ${name}`);
      assert.match(`${without.stderr}${without.stdout}`, new RegExp(name));
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
