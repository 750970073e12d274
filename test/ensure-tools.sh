#!/usr/bin/env bash
# Installs the Debian programs some tests drive (as root on Debian/Ubuntu), when they are missing.
# One line per program: "<command> <debian package>". A test whose program cannot be had fails with a clear message.
set -u
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }

missing=()
while read -r command package; do
  [ -z "$command" ] && continue
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done <<'TOOLS'
pdftoppm poppler-utils
pdftotext poppler-utils
chromium chromium
TOOLS

if [ ${#missing[@]} -gt 0 ]; then
  echo "ensure-tools: installing ${missing[*]}" >&2
  as_root apt-get update -qq >/dev/null 2>&1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || echo "ensure-tools: could not install ${missing[*]}" >&2
fi
exit 0
