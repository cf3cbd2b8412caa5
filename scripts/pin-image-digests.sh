#!/usr/bin/env bash
# Pins every third-party image (apps/*/Dockerfile FROM lines, docker-compose.yml image: lines) to the
# digest its tag has in the registry now, keeping the tag for readers: `name:tag@sha256:…`. For the
# release pipeline, where a registry is reachable; review the diff and commit it. A tag can be
# republished (Debian updates rebuild node:*-slim), so a pinned digest is the image that was tested.
# Afterwards deploy/unpinned-images.txt lists nothing, as test/deploy/image-digests.test.ts expects.
#
#   bash scripts/pin-image-digests.sh            # pin (or re-pin) every image
#   bash scripts/pin-image-digests.sh --dry-run  # print each image and its digest, change nothing
#
# The digest is the manifest list's (all platforms), from `crane digest` or, without crane,
# `docker buildx imagetools inspect`. PIN_DIGEST_RESOLVER names another command that prints the
# digest of the reference it is given; PIN_ROOT another checkout to rewrite (both for the test).
set -euo pipefail

root="${PIN_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
dry_run=false
[[ "${1:-}" == "--dry-run" ]] && dry_run=true

resolve() {
  if [[ -n "${PIN_DIGEST_RESOLVER:-}" ]]; then
    $PIN_DIGEST_RESOLVER "$1"
  elif command -v crane >/dev/null; then
    crane digest "$1"
  else
    docker buildx imagetools inspect "$1" | awk '/^Digest:/ { print $2; exit }'
  fi
}

files=("$root"/apps/*/Dockerfile "$root/docker-compose.yml")

# name:tag of every image, without any digest it has now; Dockerfile stage names (FROM build) skipped.
images() {
  for dockerfile in "$root"/apps/*/Dockerfile; do
    local stages
    stages=$(awk 'toupper($1) == "FROM" && toupper($(NF-1)) == "AS" { print $NF }' "$dockerfile")
    awk 'toupper($1) == "FROM" { for (i = 2; i <= NF; i++) if ($i !~ /^--/) { print $i; break } }' "$dockerfile" |
      grep -vxF -f <(printf '%s\n' "$stages") || true
  done
  sed -nE 's/^[[:space:]]+image:[[:space:]]*"?([^"[:space:]]+)"?.*/\1/p' "$root/docker-compose.yml"
}

status=0
for image in $(images | sed -E 's/@sha256:[0-9a-f]{64}$//' | sort -u); do
  if [[ "$image" != *:* || "$image" == *'${'* ]]; then
    echo "skipped $image: no literal tag to pin" >&2
    status=1
    continue
  fi
  digest=$(resolve "$image") || digest=""
  if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
    echo "no digest for $image (got \"$digest\")" >&2
    status=1
    continue
  fi
  echo "$image@$digest"
  $dry_run && continue
  # The reference as a whole word, with or without an old digest, becomes name:tag@digest.
  IMAGE="$image" DIGEST="$digest" perl -pi -e \
    's{(?<![\w./:-])\Q$ENV{IMAGE}\E(?:\@sha256:[0-9a-f]{64})?(?![\w.:/@-])}{$ENV{IMAGE}\@$ENV{DIGEST}}g' \
    "${files[@]}"
  # Pinned now: its entry in the exception list goes.
  IMAGE="$image" perl -ni -e 'print unless /^\Q$ENV{IMAGE}\E\s/' "$root/deploy/unpinned-images.txt"
done
exit "$status"
