// Every image this project runs is a fixed artefact: third-party images pinned by digest (a tag
// can be republished under the same name), or listed with the reason in deploy/unpinned-images.txt;
// this project's own images are set per release by kustomize. scripts/pin-image-digests.sh, which
// the release pipeline runs where a registry is reachable, pins them all; it is run here on a copy
// of the files with a stand-in for the registry's answer.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = join(__dirname, '..', '..', '..');
const DIGEST = /@sha256:[0-9a-f]{64}$/;
const LIST = join('deploy', 'unpinned-images.txt');
/** The images built from this repository, which Kubernetes names and kustomize resolves. */
const OWN_IMAGES = ['checkout-recovery-api', 'checkout-recovery-worker'];

interface ImageReference {
  where: string;
  image: string;
}

const dockerfiles = (root: string) =>
  readdirSync(join(root, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'apps', entry.name, 'Dockerfile'))
    .filter((path) => existsSync(path));

/** The image of every FROM in apps/*\/Dockerfile (stages built from an earlier stage aside) and every compose service. */
function imageReferences(root: string): ImageReference[] {
  const found: ImageReference[] = [];
  for (const path of dockerfiles(root)) {
    const stages = new Set<string>();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const from = /^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line.trim());
      if (!from?.[1]) continue;
      if (!stages.has(from[1].toLowerCase())) found.push({ where: relative(root, path), image: from[1] });
      if (from[2]) stages.add(from[2].toLowerCase());
    }
  }
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { image?: string }>;
  };
  for (const [name, service] of Object.entries(compose.services))
    if (service.image) found.push({ where: `docker-compose.yml service ${name}`, image: service.image });
  return found;
}

/** deploy/unpinned-images.txt: image → reason. */
function unpinnedList(root: string): Map<string, string> {
  const entries = readFileSync(join(root, LIST), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [image, ...reason] = line.split(/\s+/);
      return [image ?? '', reason.join(' ')] as const;
    });
  return new Map(entries);
}

function kubernetesFiles(dir = join(ROOT, 'deploy', 'kubernetes')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return kubernetesFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

describe('image digests', () => {
  test('pins every image of the Dockerfiles and compose by digest, or lists it with a reason in deploy/unpinned-images.txt', () => {
    const listed = unpinnedList(ROOT);
    const unpinned = imageReferences(ROOT).filter(({ image }) => !DIGEST.test(image));
    for (const { where, image } of unpinned) {
      assert.ok(listed.has(image), `${where}: ${image} is neither pinned by digest nor listed in ${LIST}`);
      assert.ok((listed.get(image) ?? '').length > 10, `${LIST}: ${image} needs a reason`);
    }
    // The pinned ones keep their tag, so a reader (and the pin script) knows which release it is.
    for (const { where, image } of imageReferences(ROOT).filter(({ image }) => DIGEST.test(image)))
      assert.match(image, /:[^/:@]+@sha256:/, `${where}: ${image} has a digest but no tag`);
  });

  test('lists only images still in use and still unpinned, so the list shrinks as they are pinned', () => {
    const references = imageReferences(ROOT);
    for (const image of unpinnedList(ROOT).keys())
      assert.ok(
        references.some((ref) => ref.image === image),
        `${LIST} lists ${image}, which nothing uses unpinned; remove it`,
      );
  });

  test("runs only this project's images on Kubernetes, each resolved by a kustomization's images entry", () => {
    const kustomizations = kubernetesFiles().filter((path) => /kustomization\.ya?ml$/.test(path));
    const named = new Set(
      kustomizations.flatMap((path) =>
        ((parse(readFileSync(path, 'utf8')) as { images?: { name: string }[] }).images ?? []).map((i) => i.name),
      ),
    );
    let containers = 0;
    for (const path of kubernetesFiles().filter((p) => !kustomizations.includes(p)))
      for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
        const text = JSON.stringify(doc.toJS() ?? {});
        for (const match of text.matchAll(/"image":"([^"]+)"/g)) {
          containers++;
          const image = match[1] ?? '';
          assert.ok(
            OWN_IMAGES.includes(image) && named.has(image),
            `${relative(ROOT, path)} runs ${image}: only the project's images, set by kustomize (by digest in a pipeline)`,
          );
        }
      }
    assert.ok(containers >= 3, 'the API, the worker and the setup Job run containers');
  });
});

describe('scripts/pin-image-digests.sh', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pin-digests-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** A copy of the files the script rewrites, and a resolver answering `sha256(<salt> <ref>)` as the registry would a digest. */
  function copyAndResolver(salt: string): { root: string; resolver: string } {
    const root = join(scratch, salt);
    for (const path of [...dockerfiles(ROOT).map((p) => relative(ROOT, p)), 'docker-compose.yml', LIST]) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      copyFileSync(join(ROOT, path), join(root, path));
    }
    const resolver = join(scratch, `resolve-${salt}`);
    writeFileSync(
      resolver,
      `#!/bin/sh\nprintf 'sha256:%s\\n' "$(printf '${salt} %s' "$1" | sha256sum | cut -d' ' -f1)"\n`,
    );
    chmodSync(resolver, 0o755);
    return { root, resolver };
  }

  const run = (root: string, resolver: string, args: string[] = []) =>
    spawnSync('bash', [join(ROOT, 'scripts', 'pin-image-digests.sh'), ...args], {
      env: { ...process.env, PIN_ROOT: root, PIN_DIGEST_RESOLVER: resolver },
      encoding: 'utf8',
      timeout: 60_000,
    });

  const digestOf = (salt: string, ref: string) =>
    spawnSync('sh', ['-c', `printf '${salt} %s' "$1" | sha256sum | cut -d' ' -f1`, 'sh', ref], {
      encoding: 'utf8',
    }).stdout.trim();

  test('pins every image to the digest the registry gives for its tag, re-pins on a rerun, and empties the list', () => {
    const first = copyAndResolver('first');
    const result = run(first.root, first.resolver);
    assert.equal(result.status, 0, result.stderr);
    const pinned = imageReferences(first.root);
    assert.equal(pinned.length, imageReferences(ROOT).length, 'an image went missing');
    for (const { where, image } of pinned) {
      const tagged = image.replace(DIGEST, '');
      assert.equal(image, `${tagged}@sha256:${digestOf('first', tagged)}`, where);
    }
    assert.equal(unpinnedList(first.root).size, 0, `${LIST} still lists pinned images`);
    // Nothing but the images changed: the compose file means the same otherwise.
    const withoutImages = (root: string) =>
      readFileSync(join(root, 'docker-compose.yml'), 'utf8').replace(/(image: \S+?)(@sha256:[0-9a-f]{64})?$/gm, '$1');
    assert.equal(withoutImages(first.root), withoutImages(ROOT));

    // A tag republished later: the rerun replaces the old digest instead of adding a second one.
    const second = copyAndResolver('second');
    const rerun = run(first.root, second.resolver);
    assert.equal(rerun.status, 0, rerun.stderr);
    for (const { where, image } of imageReferences(first.root)) {
      const tagged = image.replace(DIGEST, '');
      assert.equal(image, `${tagged}@sha256:${digestOf('second', tagged)}`, where);
    }
  });

  test('--dry-run prints each image with its digest and changes nothing', () => {
    const copy = copyAndResolver('dry');
    const before = readFileSync(join(copy.root, 'docker-compose.yml'), 'utf8');
    const result = run(copy.root, copy.resolver, ['--dry-run']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^postgres:16@sha256:[0-9a-f]{64}$/m);
    assert.equal(readFileSync(join(copy.root, 'docker-compose.yml'), 'utf8'), before);
  });

  test('fails, naming the image, when the registry gives no digest', () => {
    const copy = copyAndResolver('broken');
    writeFileSync(copy.resolver, '#!/bin/sh\necho "unauthorized: authentication required"\n');
    const result = run(copy.root, copy.resolver);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no digest for postgres:16/);
  });
});
