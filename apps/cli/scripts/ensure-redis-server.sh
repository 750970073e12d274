#!/usr/bin/env bash
# Run before `npm start`: with no REDIS_URL, Conveyor starts a private redis-server, so one must be installed.
# On Debian/Ubuntu it is installed here (as root, or with sudo); elsewhere one clear line says what to do.
set -u
[ -n "${REDIS_URL:-}" ] && exit 0
command -v redis-server >/dev/null && exit 0
if command -v apt-get >/dev/null; then
  echo "conveyor: redis-server is missing; installing it (Debian/Ubuntu package redis-server)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq redis-server >/dev/null
  fi
fi
command -v redis-server >/dev/null && exit 0
echo "conveyor: redis-server not found: install it (Debian/Ubuntu: sudo apt-get install -y redis-server) or set REDIS_URL" >&2
exit 1
