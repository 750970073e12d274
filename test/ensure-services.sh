#!/usr/bin/env bash
# Makes sure the Redis and PostgreSQL the integration tests talk to answer on 127.0.0.1.
# Uses running ones when they answer; otherwise starts (and, as root on Debian/Ubuntu, installs) them.
# When PostgreSQL cannot be had, the suite runs the database tests on the embedded PGlite only.
set -u

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&-; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }

if ! port_open 6379; then
  if ! command -v redis-server >/dev/null; then
    echo "ensure-services: installing redis-server" >&2
    as_root apt-get update -qq >/dev/null 2>&1; as_root apt-get install -y -qq redis-server >/dev/null 2>&1
  fi
  if command -v redis-server >/dev/null; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
    for _ in $(seq 1 50); do port_open 6379 && break; sleep 0.1; done
  fi
fi
port_open 6379 || { echo "ensure-services: Redis does not answer on 127.0.0.1:6379 and could not be started" >&2; exit 1; }

if ! port_open 5432; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "ensure-services: installing postgresql" >&2
    as_root apt-get update -qq >/dev/null 2>&1; as_root apt-get install -y -qq postgresql >/dev/null 2>&1
  fi
  if ls /etc/postgresql/*/main >/dev/null 2>&1; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    conf=/etc/postgresql/$version/main/pg_hba.conf
    # The tests connect as postgres without a password on loopback only.
    if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf" 2>/dev/null; then
      as_root sed -i '1i host all all 127.0.0.1/32 trust' "$conf" 2>/dev/null || true
    fi
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do port_open 5432 && break; sleep 0.2; done
  fi
fi
if port_open 5432; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null 2>&1 || true
  echo "postgres,embedded"
else
  echo "ensure-services: PostgreSQL unavailable; database tests run on the embedded PGlite only" >&2
  echo "embedded"
fi
