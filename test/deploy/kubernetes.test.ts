// The Kubernetes manifests (deploy/kubernetes/) checked without a cluster: each file against the
// Kubernetes API schemas by kubernetes-validate (installed by scripts/install-deploy-tools.sh), and
// the wiring between the objects (probes, grace periods, secrets, selectors, KEDA's trigger).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { workerShutdownGraceSeconds } from './worker-grace';

const ROOT = join(__dirname, '..', '..', '..');
const K8S = join(ROOT, 'deploy', 'kubernetes');
const TOOL = join(ROOT, '.tools', 'kubernetes-validate');
// The oldest Kubernetes these manifests are written for (preStop `sleep` is on by default from 1.30).
const KUBERNETES_VERSION = '1.31';
// Custom resources the bundled schemas cannot know; they are checked by the assertions below instead.
const CUSTOM_KINDS = new Set(['ScaledObject']);
// KEDA's `temporal` trigger metadata (keda.sh/docs/2.22/scalers/temporal): a misspelt key is ignored by KEDA.
const KEDA_TEMPORAL_KEYS = new Set([
  'endpoint',
  'endpointFromEnv',
  'namespace',
  'taskQueue',
  'targetQueueSize',
  'activationTargetQueueSize',
  'queueTypes',
  'workerDeploymentName',
  'workerDeploymentBuildId',
  'includeRunningWorkflowCount',
  'workflowTaskQueueForCount',
  'minConnectTimeout',
  'unsafeSsl',
  'tlsServerName',
  'enableTLS',
]);

// biome-ignore lint/suspicious/noExplicitAny: manifests are free-form YAML, checked field by field
type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any; data?: any };
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}

function yamlFiles(dir = K8S): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

function documents(path: string): Manifest[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

const kustomizations = yamlFiles().filter((path) => /kustomization\.ya?ml$/.test(path));
const manifestFiles = yamlFiles().filter((path) => !kustomizations.includes(path));
const manifests = manifestFiles.flatMap(documents);

function find(kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata?.name === name);
  assert.ok(found, `no ${kind} ${name} under deploy/kubernetes`);
  return found;
}

// biome-ignore lint/suspicious/noExplicitAny: see Manifest
function podSpec(m: Manifest): any {
  return m.spec?.template?.spec;
}

// biome-ignore lint/suspicious/noExplicitAny: see Manifest
function container(m: Manifest): any {
  const containers = podSpec(m)?.containers ?? [];
  assert.equal(containers.length, 1, `${m.kind} ${m.metadata.name}: one container expected`);
  return containers[0];
}

function env(m: Manifest): Map<string, EnvVar> {
  return new Map((container(m).env as EnvVar[]).map((v) => [v.name, v]));
}

const config = () => find('ConfigMap', 'checkout-recovery-config').data as Record<string, string>;
const API = () => find('Deployment', 'checkout-recovery-api');
const WORKER = () => find('Deployment', 'checkout-recovery-worker');
const SETUP = () => find('Job', 'checkout-recovery-setup');

/** Runs kubernetes-validate on files; undefined when it is not installed here. */
function validate(files: string[]): { status: number | null; output: string } | undefined {
  const python = join(TOOL, '.python');
  if (!existsSync(python)) return undefined;
  const run = spawnSync(
    readFileSync(python, 'utf8').trim(),
    ['-m', 'kubernetes_validate', '--strict', '-k', KUBERNETES_VERSION, ...files],
    { env: { ...process.env, PYTHONPATH: TOOL }, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function validatorOrSkip(t: { skip: (why: string) => void }) {
  const why = 'kubernetes-validate is not installed (bash scripts/install-deploy-tools.sh)';
  // CI installs it and sets REQUIRE_DEPLOY_TOOLS, so there the schema check can never quietly not run.
  assert.ok(!process.env.REQUIRE_DEPLOY_TOOLS, why);
  t.skip(why);
}

describe('deploy/kubernetes', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'k8s-validate-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('lists every manifest in a kustomization, and every listed resource exists', () => {
    const listed = new Set<string>();
    for (const file of kustomizations) {
      const kustomization = documents(file)[0] as unknown as { resources?: string[] };
      for (const resource of kustomization.resources ?? []) {
        const path = join(dirname(file), resource);
        assert.ok(existsSync(path), `${relative(ROOT, file)} lists ${resource}, which does not exist`);
        listed.add(path);
      }
    }
    for (const file of manifestFiles) assert.ok(listed.has(file), `${relative(ROOT, file)} is in no kustomization`);
    for (const dir of ['base', 'setup', 'autoscaling'])
      assert.ok(existsSync(join(K8S, dir, 'kustomization.yaml')), `no deploy/kubernetes/${dir}/kustomization.yaml`);
  });

  test(`passes strict schema validation against Kubernetes ${KUBERNETES_VERSION}, custom resources aside`, (t) => {
    const run = validate(manifestFiles);
    if (!run) return validatorOrSkip(t);
    assert.equal(run.status, 0, run.output);
    // A schema it cannot find is only a warning to the tool: a mistyped apiVersion must not pass that way.
    for (const line of run.output.split('\n').filter((l) => l.startsWith('WARN')))
      assert.ok(
        [...CUSTOM_KINDS].some((kind) => line.includes(`kind ${kind} `)),
        `not validated against any schema: ${line}`,
      );
    const checked = run.output.split('\n').filter((l) => l.startsWith('INFO')).length;
    assert.equal(checked, manifests.filter((m) => !CUSTOM_KINDS.has(m.kind)).length, 'some object was not validated');
  });

  test('the validator rejects a broken manifest (so a pass above means something)', (t) => {
    const worker = readFileSync(join(K8S, 'base', 'worker.yaml'), 'utf8');
    const broken = {
      'misspelt field': worker.replace('terminationGracePeriodSeconds:', 'terminationGracePeriodSecond:'),
      'wrong type': worker.replace(/containerPort: 9464/, 'containerPort: "nine"'),
      'missing required field': worker.replace('        - name: worker\n          image:', '        - image:'),
    };
    const files = Object.entries(broken).map(([name, text], i) => {
      assert.notEqual(text, worker, `could not break the manifest (${name})`);
      const path = join(scratch, `broken-${i}.yaml`);
      writeFileSync(path, text);
      return path;
    });
    for (const file of files) {
      const run = validate([file]);
      if (!run) return validatorOrSkip(t);
      assert.equal(run.status, 1, `accepted ${file}:\n${run.output}`);
      assert.match(run.output, /ERROR .*did not validate/);
    }
  });

  test("gives the worker and the API a termination grace longer than the worker's shutdown grace", () => {
    const grace = workerShutdownGraceSeconds();
    for (const m of [WORKER(), API()])
      assert.ok(
        podSpec(m).terminationGracePeriodSeconds > grace,
        `${m.metadata.name}: ${podSpec(m).terminationGracePeriodSeconds} s is not longer than ${grace} s`,
      );
  });

  test('probes liveness without dependencies and readiness with them, on ports the containers declare', () => {
    for (const m of [API(), WORKER()]) {
      const c = container(m);
      const ports = new Set((c.ports as { name: string }[]).map((p) => p.name));
      assert.equal(c.livenessProbe?.httpGet?.path, '/health/live', `${m.metadata.name} liveness`);
      assert.equal(c.readinessProbe?.httpGet?.path, '/health/ready', `${m.metadata.name} readiness`);
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
        assert.ok(ports.has(c[probe]?.httpGet?.port), `${m.metadata.name} ${probe} targets an undeclared port`);
    }
    const health = container(WORKER()).ports.find((p: { name: string }) => p.name === 'health');
    assert.equal(`0.0.0.0:${health.containerPort}`, env(WORKER()).get('WORKER_HEALTH_ADDRESS')?.value);
    assert.equal(env(WORKER()).get('WORKER_SETUP_AT_BOOT')?.value, 'false', 'the setup Job does it once per release');
  });

  test('replaces worker pods in place only as an unversioned worker, which needs no promotion to get tasks', () => {
    const worker = WORKER();
    assert.equal(
      worker.spec.strategy?.rollingUpdate?.maxUnavailable,
      0,
      'a rolling update never drops below its replicas',
    );
    assert.ok(
      !env(worker).has('TEMPORAL_DEPLOYMENT_NAME'),
      'a versioned build gets no task until made current: a rolling update would leave the queue unserved',
    );
  });

  test('passes a collector address set in the ConfigMap to the API and the worker, each under its own service name', () => {
    for (const [m, name] of [
      [API(), 'checkout-recovery-api'],
      [WORKER(), 'checkout-recovery-worker'],
    ] as const) {
      const from = (container(m).envFrom as { configMapRef?: { name: string } }[]).map((e) => e.configMapRef?.name);
      assert.ok(from.includes('checkout-recovery-config'), `${m.metadata.name} does not read the ConfigMap`);
      assert.equal(env(m).get('OTEL_SERVICE_NAME')?.value, name);
    }
    assert.equal(config().OTEL_SERVICE_NAME, undefined, "a shared name would merge the two services' traces");
    // Off unless the operator sets it; the file shows where and how.
    const file = readFileSync(join(K8S, 'base', 'config.yaml'), 'utf8');
    assert.match(file, /^ {2}# OTEL_EXPORTER_OTLP_ENDPOINT: http:\/\/\S+:4318$/m);
    for (const policy of manifests.filter((p) => p.kind === 'NetworkPolicy'))
      assert.ok(!policy.spec.policyTypes.includes('Egress'), `${policy.metadata.name} would cut the export off`);
  });

  test('takes every secret from the checkout-recovery-secrets Secret, never from a literal', () => {
    const secretish = /KEY|SECRET|PASSWORD|TOKEN|DATABASE_URL/;
    for (const m of [API(), WORKER(), SETUP()]) {
      for (const [name, variable] of env(m)) {
        if (!secretish.test(name)) continue;
        assert.equal(variable.value, undefined, `${m.metadata.name} writes ${name} into the manifest`);
        assert.equal(variable.valueFrom?.secretKeyRef?.name, 'checkout-recovery-secrets', `${m.metadata.name} ${name}`);
      }
      for (const name of ['DATABASE_URL', 'LINK_SIGNING_SECRET', 'PAYLOAD_ENCRYPTION_KEYS'])
        assert.equal(env(m).get(name)?.valueFrom?.secretKeyRef?.optional, undefined, `${m.metadata.name} ${name}`);
      // Only Cloud uses it; absent from the Secret, it must stay unset (envconfig takes "" as set).
      assert.equal(env(m).get('TEMPORAL_API_KEY')?.valueFrom?.secretKeyRef?.optional, true);
    }
    assert.ok(env(API()).has('API_KEY'));
    assert.ok(!env(WORKER()).has('API_KEY'), 'the worker serves no API');
    assert.ok(!manifests.some((m) => m.kind === 'Secret'), 'a Secret with values is committed');
  });

  test('requests resources for every container, and runs none as root', () => {
    for (const m of [API(), WORKER(), SETUP()]) {
      const c = container(m);
      assert.ok(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${m.metadata.name} requests`);
      assert.ok(c.resources?.limits?.memory, `${m.metadata.name} memory limit`);
      assert.equal(podSpec(m).securityContext?.runAsNonRoot, true, m.metadata.name);
      assert.equal(c.securityContext?.allowPrivilegeEscalation, false, m.metadata.name);
    }
  });

  test('runs migrations and search-attribute registration as a one-shot Job from the worker image', () => {
    const job = SETUP();
    const c = container(job);
    assert.deepEqual(c.command, ['node', 'dist/apps/worker/setup.js']);
    assert.equal(c.image, container(WORKER()).image);
    assert.equal(podSpec(job).restartPolicy, 'Never');
    assert.ok(job.spec.backoffLimit >= 1 && job.spec.activeDeadlineSeconds > 0);
    assert.equal(container(WORKER()).command, undefined, "the worker runs the image's own CMD");
  });

  test('guards API and worker with disruption budgets, and routes Services to the right pods', () => {
    for (const m of [API(), WORKER()]) {
      const labels = m.spec.template.metadata.labels as Record<string, string>;
      const budgets = manifests.filter((b) => b.kind === 'PodDisruptionBudget');
      const selects = (selector: Record<string, string>) =>
        Object.entries(selector).every(([key, value]) => labels[key] === value);
      assert.ok(
        budgets.some((b) => selects(b.spec.selector.matchLabels)),
        `no PodDisruptionBudget selects ${m.metadata.name}`,
      );
      assert.ok(selects(m.spec.selector.matchLabels), `${m.metadata.name} selector does not match its pods`);
      const ports = new Set((container(m).ports as { name: string }[]).map((p) => p.name));
      for (const svc of manifests.filter((s) => s.kind === 'Service' && selects(s.spec.selector)))
        for (const port of svc.spec.ports as { targetPort: string }[])
          assert.ok(ports.has(port.targetPort), `Service ${svc.metadata.name} targets ${port.targetPort}`);
    }
  });

  test("scales the worker with KEDA's temporal scaler on the task queue the apps use", () => {
    const scaled = find('ScaledObject', 'checkout-recovery-worker');
    assert.equal(scaled.apiVersion, 'keda.sh/v1alpha1');
    assert.equal(scaled.spec.scaleTargetRef.name, WORKER().metadata.name);
    assert.ok(scaled.spec.minReplicaCount >= 2, 'at least two pollers at all times');
    assert.ok(scaled.spec.maxReplicaCount > scaled.spec.minReplicaCount);
    const [trigger, ...others] = scaled.spec.triggers as { type: string; metadata: Record<string, string> }[];
    assert.equal(others.length, 0);
    assert.equal(trigger?.type, 'temporal');
    const metadata = trigger?.metadata ?? {};
    for (const key of Object.keys(metadata)) assert.ok(KEDA_TEMPORAL_KEYS.has(key), `KEDA ignores "${key}"`);
    for (const value of Object.values(metadata))
      assert.equal(typeof value, 'string', 'KEDA metadata values are strings');
    assert.equal(metadata.endpoint, config().TEMPORAL_ADDRESS);
    assert.equal(metadata.namespace, config().TEMPORAL_NAMESPACE);
    assert.equal(metadata.taskQueue, config().TASK_QUEUE);
    assert.ok(Number(metadata.targetQueueSize) > 0);
    const kustomization = readFileSync(join(K8S, 'autoscaling', 'kustomization.yaml'), 'utf8');
    assert.match(kustomization, /name: checkout-recovery-worker[\s\S]*op: remove\s+path: \/spec\/replicas/);
  });
});
