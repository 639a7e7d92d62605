#!/usr/bin/env bash
# Install, only when missing, the Debian packages Yecai needs on a developer's or CI's machine:
#   postgresql        server for the PostgreSQL test pass (scripts/test-postgres.sh)
#   chromium          the browser for the e2e tests (Playwright's own browsers cannot be downloaded here)
#   fonts-noto-cjk    a CJK font, for the browser and for WeasyPrint PDFs
#   redis-server      the broker of the Redis pass of the notification tests (a throwaway server per test run)
#   libpango-1.0-0 libpangoft2-1.0-0   what WeasyPrint loads at run time
#   libmagic1         what python-magic reads attachments' types with (by content, as file(1) does)
# Fast and silent when everything is present; runs `apt-get update` once when something is missing.
# Exits non-zero with a clear message when it cannot install (not root and no password-less sudo).
set -euo pipefail

PACKAGES=(postgresql chromium fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libmagic1 redis-server)

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system: this machine has no dpkg/apt-get; install by hand: ${PACKAGES[*]}" >&2
  exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done
# The server binaries must really be there (a half-removed postgresql leaves the meta package).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  [[ " ${missing[*]-} " == *" postgresql "* ]] || missing+=(postgresql)
fi
if ! command -v chromium >/dev/null 2>&1; then
  [[ " ${missing[*]-} " == *" chromium "* ]] || missing+=(chromium)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "ensure-system: missing Debian packages: ${missing[*]}" >&2
  echo "ensure-system: cannot install them: not root and no password-less sudo." >&2
  echo "ensure-system: run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "ensure-system: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
if ! "${SUDO[@]}" apt-get "${APT_OPTS[@]}" update -qq; then
  echo "ensure-system: apt-get update failed" >&2
  exit 1
fi
if ! "${SUDO[@]}" apt-get "${APT_OPTS[@]}" install -y -qq "${missing[@]}"; then
  echo "ensure-system: apt-get install ${missing[*]} failed" >&2
  exit 1
fi

still=()
for pkg in "${missing[@]}"; do installed "$pkg" || still+=("$pkg"); done
if [ "${#still[@]}" -ne 0 ]; then
  echo "ensure-system: still missing after install: ${still[*]}" >&2
  exit 1
fi
echo "ensure-system: installed ${missing[*]}" >&2
