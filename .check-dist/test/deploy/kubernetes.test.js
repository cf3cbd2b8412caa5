var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The Kubernetes manifests (deploy/kubernetes/) checked without a cluster: each file against the
// Kubernetes API schemas by kubernetes-validate (installed by scripts/install-deploy-tools.sh), and
// the wiring between the objects (probes, grace periods, secrets, selectors, KEDA's trigger).
const strict_1 = __importDefault(require('node:assert/strict'));
const node_child_process_1 = require('node:child_process');
const node_fs_1 = require('node:fs');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const yaml_1 = require('yaml');
const worker_grace_1 = require('./worker-grace');
const ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
const K8S = (0, node_path_1.join)(ROOT, 'deploy', 'kubernetes');
const TOOL = (0, node_path_1.join)(ROOT, '.tools', 'kubernetes-validate');
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
function yamlFiles(dir = K8S) {
  return (0, node_fs_1.readdirSync)(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = (0, node_path_1.join)(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}
function documents(path) {
  return (0, yaml_1.parseAllDocuments)((0, node_fs_1.readFileSync)(path, 'utf8'))
    .map((doc) => doc.toJS())
    .filter((doc) => doc !== null);
}
const kustomizations = yamlFiles().filter((path) => /kustomization\.ya?ml$/.test(path));
const manifestFiles = yamlFiles().filter((path) => !kustomizations.includes(path));
const manifests = manifestFiles.flatMap(documents);
function find(kind, name) {
  const found = manifests.find((m) => m.kind === kind && m.metadata?.name === name);
  strict_1.default.ok(found, `no ${kind} ${name} under deploy/kubernetes`);
  return found;
}
// biome-ignore lint/suspicious/noExplicitAny: see Manifest
function podSpec(m) {
  return m.spec?.template?.spec;
}
// biome-ignore lint/suspicious/noExplicitAny: see Manifest
function container(m) {
  const containers = podSpec(m)?.containers ?? [];
  strict_1.default.equal(containers.length, 1, `${m.kind} ${m.metadata.name}: one container expected`);
  return containers[0];
}
function env(m) {
  return new Map(container(m).env.map((v) => [v.name, v]));
}
const config = () => find('ConfigMap', 'checkout-recovery-config').data;
const API = () => find('Deployment', 'checkout-recovery-api');
const WORKER = () => find('Deployment', 'checkout-recovery-worker');
const SETUP = () => find('Job', 'checkout-recovery-setup');
/** Runs kubernetes-validate on files; undefined when it is not installed here. */
function validate(files) {
  const python = (0, node_path_1.join)(TOOL, '.python');
  if (!(0, node_fs_1.existsSync)(python)) return undefined;
  const run = (0, node_child_process_1.spawnSync)(
    (0, node_fs_1.readFileSync)(python, 'utf8').trim(),
    ['-m', 'kubernetes_validate', '--strict', '-k', KUBERNETES_VERSION, ...files],
    { env: { ...process.env, PYTHONPATH: TOOL }, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
function validatorOrSkip(t) {
  const why = 'kubernetes-validate is not installed (bash scripts/install-deploy-tools.sh)';
  // CI installs it and sets REQUIRE_DEPLOY_TOOLS, so there the schema check can never quietly not run.
  strict_1.default.ok(!process.env.REQUIRE_DEPLOY_TOOLS, why);
  t.skip(why);
}
(0, node_test_1.describe)('deploy/kubernetes', () => {
  const scratch = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'k8s-validate-'));
  (0, node_test_1.after)(() => (0, node_fs_1.rmSync)(scratch, { recursive: true, force: true }));
  (0, node_test_1.test)('lists every manifest in a kustomization, and every listed resource exists', () => {
    const listed = new Set();
    for (const file of kustomizations) {
      const kustomization = documents(file)[0];
      for (const resource of kustomization.resources ?? []) {
        const path = (0, node_path_1.join)((0, node_path_1.dirname)(file), resource);
        strict_1.default.ok(
          (0, node_fs_1.existsSync)(path),
          `${(0, node_path_1.relative)(ROOT, file)} lists ${resource}, which does not exist`,
        );
        listed.add(path);
      }
    }
    for (const file of manifestFiles)
      strict_1.default.ok(listed.has(file), `${(0, node_path_1.relative)(ROOT, file)} is in no kustomization`);
    for (const dir of ['base', 'setup', 'autoscaling'])
      strict_1.default.ok(
        (0, node_fs_1.existsSync)((0, node_path_1.join)(K8S, dir, 'kustomization.yaml')),
        `no deploy/kubernetes/${dir}/kustomization.yaml`,
      );
  });
  (0, node_test_1.test)(
    `passes strict schema validation against Kubernetes ${KUBERNETES_VERSION}, custom resources aside`,
    (t) => {
      const run = validate(manifestFiles);
      if (!run) return validatorOrSkip(t);
      strict_1.default.equal(run.status, 0, run.output);
      // A schema it cannot find is only a warning to the tool: a mistyped apiVersion must not pass that way.
      for (const line of run.output.split('\n').filter((l) => l.startsWith('WARN')))
        strict_1.default.ok(
          [...CUSTOM_KINDS].some((kind) => line.includes(`kind ${kind} `)),
          `not validated against any schema: ${line}`,
        );
      const checked = run.output.split('\n').filter((l) => l.startsWith('INFO')).length;
      strict_1.default.equal(
        checked,
        manifests.filter((m) => !CUSTOM_KINDS.has(m.kind)).length,
        'some object was not validated',
      );
    },
  );
  (0, node_test_1.test)('the validator rejects a broken manifest (so a pass above means something)', (t) => {
    const worker = (0, node_fs_1.readFileSync)((0, node_path_1.join)(K8S, 'base', 'worker.yaml'), 'utf8');
    const broken = {
      'misspelt field': worker.replace('terminationGracePeriodSeconds:', 'terminationGracePeriodSecond:'),
      'wrong type': worker.replace(/containerPort: 9464/, 'containerPort: "nine"'),
      'missing required field': worker.replace('        - name: worker\n          image:', '        - image:'),
    };
    const files = Object.entries(broken).map(([name, text], i) => {
      strict_1.default.notEqual(text, worker, `could not break the manifest (${name})`);
      const path = (0, node_path_1.join)(scratch, `broken-${i}.yaml`);
      (0, node_fs_1.writeFileSync)(path, text);
      return path;
    });
    for (const file of files) {
      const run = validate([file]);
      if (!run) return validatorOrSkip(t);
      strict_1.default.equal(run.status, 1, `accepted ${file}:\n${run.output}`);
      strict_1.default.match(run.output, /ERROR .*did not validate/);
    }
  });
  (0, node_test_1.test)(
    "gives the worker and the API a termination grace longer than the worker's shutdown grace",
    () => {
      const grace = (0, worker_grace_1.workerShutdownGraceSeconds)();
      for (const m of [WORKER(), API()])
        strict_1.default.ok(
          podSpec(m).terminationGracePeriodSeconds > grace,
          `${m.metadata.name}: ${podSpec(m).terminationGracePeriodSeconds} s is not longer than ${grace} s`,
        );
    },
  );
  (0, node_test_1.test)(
    'probes liveness without dependencies and readiness with them, on ports the containers declare',
    () => {
      for (const m of [API(), WORKER()]) {
        const c = container(m);
        const ports = new Set(c.ports.map((p) => p.name));
        strict_1.default.equal(c.livenessProbe?.httpGet?.path, '/health/live', `${m.metadata.name} liveness`);
        strict_1.default.equal(c.readinessProbe?.httpGet?.path, '/health/ready', `${m.metadata.name} readiness`);
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
          strict_1.default.ok(
            ports.has(c[probe]?.httpGet?.port),
            `${m.metadata.name} ${probe} targets an undeclared port`,
          );
      }
      const health = container(WORKER()).ports.find((p) => p.name === 'health');
      strict_1.default.equal(`0.0.0.0:${health.containerPort}`, env(WORKER()).get('WORKER_HEALTH_ADDRESS')?.value);
      strict_1.default.equal(
        env(WORKER()).get('WORKER_SETUP_AT_BOOT')?.value,
        'false',
        'the setup Job does it once per release',
      );
    },
  );
  (0, node_test_1.test)(
    'replaces worker pods in place only as an unversioned worker, which needs no promotion to get tasks',
    () => {
      const worker = WORKER();
      strict_1.default.equal(
        worker.spec.strategy?.rollingUpdate?.maxUnavailable,
        0,
        'a rolling update never drops below its replicas',
      );
      strict_1.default.ok(
        !env(worker).has('TEMPORAL_DEPLOYMENT_NAME'),
        'a versioned build gets no task until made current: a rolling update would leave the queue unserved',
      );
    },
  );
  (0, node_test_1.test)('takes every secret from the checkout-recovery-secrets Secret, never from a literal', () => {
    const secretish = /KEY|SECRET|PASSWORD|TOKEN|DATABASE_URL/;
    for (const m of [API(), WORKER(), SETUP()]) {
      for (const [name, variable] of env(m)) {
        if (!secretish.test(name)) continue;
        strict_1.default.equal(variable.value, undefined, `${m.metadata.name} writes ${name} into the manifest`);
        strict_1.default.equal(
          variable.valueFrom?.secretKeyRef?.name,
          'checkout-recovery-secrets',
          `${m.metadata.name} ${name}`,
        );
      }
      for (const name of ['DATABASE_URL', 'LINK_SIGNING_SECRET', 'PAYLOAD_ENCRYPTION_KEYS'])
        strict_1.default.equal(
          env(m).get(name)?.valueFrom?.secretKeyRef?.optional,
          undefined,
          `${m.metadata.name} ${name}`,
        );
      // Only Cloud uses it; absent from the Secret, it must stay unset (envconfig takes "" as set).
      strict_1.default.equal(env(m).get('TEMPORAL_API_KEY')?.valueFrom?.secretKeyRef?.optional, true);
    }
    strict_1.default.ok(env(API()).has('API_KEY'));
    strict_1.default.ok(!env(WORKER()).has('API_KEY'), 'the worker serves no API');
    strict_1.default.ok(!manifests.some((m) => m.kind === 'Secret'), 'a Secret with values is committed');
  });
  (0, node_test_1.test)('requests resources for every container, and runs none as root', () => {
    for (const m of [API(), WORKER(), SETUP()]) {
      const c = container(m);
      strict_1.default.ok(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${m.metadata.name} requests`);
      strict_1.default.ok(c.resources?.limits?.memory, `${m.metadata.name} memory limit`);
      strict_1.default.equal(podSpec(m).securityContext?.runAsNonRoot, true, m.metadata.name);
      strict_1.default.equal(c.securityContext?.allowPrivilegeEscalation, false, m.metadata.name);
    }
  });
  (0, node_test_1.test)(
    'runs migrations and search-attribute registration as a one-shot Job from the worker image',
    () => {
      const job = SETUP();
      const c = container(job);
      strict_1.default.deepEqual(c.command, ['node', 'dist/apps/worker/setup.js']);
      strict_1.default.equal(c.image, container(WORKER()).image);
      strict_1.default.equal(podSpec(job).restartPolicy, 'Never');
      strict_1.default.ok(job.spec.backoffLimit >= 1 && job.spec.activeDeadlineSeconds > 0);
      strict_1.default.equal(container(WORKER()).command, undefined, "the worker runs the image's own CMD");
    },
  );
  (0, node_test_1.test)('guards API and worker with disruption budgets, and routes Services to the right pods', () => {
    for (const m of [API(), WORKER()]) {
      const labels = m.spec.template.metadata.labels;
      const budgets = manifests.filter((b) => b.kind === 'PodDisruptionBudget');
      const selects = (selector) => Object.entries(selector).every(([key, value]) => labels[key] === value);
      strict_1.default.ok(
        budgets.some((b) => selects(b.spec.selector.matchLabels)),
        `no PodDisruptionBudget selects ${m.metadata.name}`,
      );
      strict_1.default.ok(selects(m.spec.selector.matchLabels), `${m.metadata.name} selector does not match its pods`);
      const ports = new Set(container(m).ports.map((p) => p.name));
      for (const svc of manifests.filter((s) => s.kind === 'Service' && selects(s.spec.selector)))
        for (const port of svc.spec.ports)
          strict_1.default.ok(ports.has(port.targetPort), `Service ${svc.metadata.name} targets ${port.targetPort}`);
    }
  });
  (0, node_test_1.test)("scales the worker with KEDA's temporal scaler on the task queue the apps use", () => {
    const scaled = find('ScaledObject', 'checkout-recovery-worker');
    strict_1.default.equal(scaled.apiVersion, 'keda.sh/v1alpha1');
    strict_1.default.equal(scaled.spec.scaleTargetRef.name, WORKER().metadata.name);
    strict_1.default.ok(scaled.spec.minReplicaCount >= 2, 'at least two pollers at all times');
    strict_1.default.ok(scaled.spec.maxReplicaCount > scaled.spec.minReplicaCount);
    const [trigger, ...others] = scaled.spec.triggers;
    strict_1.default.equal(others.length, 0);
    strict_1.default.equal(trigger?.type, 'temporal');
    const metadata = trigger?.metadata ?? {};
    for (const key of Object.keys(metadata)) strict_1.default.ok(KEDA_TEMPORAL_KEYS.has(key), `KEDA ignores "${key}"`);
    for (const value of Object.values(metadata))
      strict_1.default.equal(typeof value, 'string', 'KEDA metadata values are strings');
    strict_1.default.equal(metadata.endpoint, config().TEMPORAL_ADDRESS);
    strict_1.default.equal(metadata.namespace, config().TEMPORAL_NAMESPACE);
    strict_1.default.equal(metadata.taskQueue, config().TASK_QUEUE);
    strict_1.default.ok(Number(metadata.targetQueueSize) > 0);
    const kustomization = (0, node_fs_1.readFileSync)(
      (0, node_path_1.join)(K8S, 'autoscaling', 'kustomization.yaml'),
      'utf8',
    );
    strict_1.default.match(kustomization, /name: checkout-recovery-worker[\s\S]*op: remove\s+path: \/spec\/replicas/);
  });
});
//# sourceMappingURL=kubernetes.test.js.map
