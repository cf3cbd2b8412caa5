# Sourced by the install scripts of the Python tools the tests run (Schemathesis, kubernetes-validate):
# a pinned PyPI package into a git-ignored folder under .tools/, skipped when that pin is there.
# The test runs it as `<python> -m <module>` with the folder on PYTHONPATH, <python> being the
# interpreter that installed it (written to <folder>/.python).
#
#   install_pip_tool <name> <pin> <folder> <on-failure: fail|warn> [<hint for the user>]
# `warn` (npm install's postinstall) reports and returns 0 so the install goes on; `fail` (CI) exits 1.
install_pip_tool() {
  local name=$1 pin=$2 target=$3 on_failure=$4 hint=${5:-}
  local stamp="$target/.installed"
  [ "$(cat "$stamp" 2>/dev/null || true)" = "$pin" ] && { echo "$name: present"; return 0; }
  local status=1
  [ "$on_failure" = warn ] && status=0
  local py
  py=$(command -v python3 || command -v python || true)
  if [ -z "$py" ] || ! "$py" -m pip --version >/dev/null 2>&1; then
    echo "$name: cannot install $pin: no python3 with pip here${hint:+; $hint}" >&2
    return "$status"
  fi
  echo "$name: installing $pin into $target"
  rm -rf "$target"
  "$py" -m pip install --quiet --disable-pip-version-check --no-warn-script-location --target "$target" "$pin" \
    || { echo "$name: pip install failed${hint:+; $hint}" >&2; return "$status"; }
  "$py" -c 'import sys; print(sys.executable)' >"$target/.python"
  echo "$pin" >"$stamp"
}
