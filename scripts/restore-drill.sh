#!/usr/bin/env bash
# The restore drill (docs/backup.md): seed the demo into a fresh database, back it up while a
# writer keeps writing through the service layer, restore into another fresh database, compare
# the checksums, check that every write acknowledged before the backup began came back, and run
# `kindcentraal audit verify` on the restored copy. Prints the drill's time; exits non-zero when
# anything does not match. The steps are kindcentraal.backup.drill (which its test runs too);
# this script gives it two fresh databases.
#
#   scripts/restore-drill.sh                 SQLite (files in a temporary folder)
#   scripts/restore-drill.sh --postgresql    PostgreSQL: a throwaway cluster (initdb), or the
#                                            server at KC_DRILL_PG_URL (postgresql://user@host:port),
#                                            where the drill creates two databases of its own
#   KC_DRILL_DB=postgresql scripts/restore-drill.sh    the same
set -euo pipefail
cd "$(dirname "$0")/.."

KIND="${KC_DRILL_DB:-sqlite}"
for arg in "$@"; do
  case "$arg" in
    --postgresql) KIND=postgresql ;;
    --sqlite) KIND=sqlite ;;
    *) echo "usage: $0 [--sqlite|--postgresql]" >&2; exit 64 ;;
  esac
done
BIN="${KC_BIN:-.venv/bin}"
RATE="${KC_DRILL_RATE:-40}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kc-drill-XXXXXX")"
PGBIN=""
PGDATA_DIR=""

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "$PGDATA_DIR" ]; then as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

export KC_SECRET_KEY="${KC_SECRET_KEY:-restore-drill-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"

DRILL_START="$(now)"
if [ "$KIND" = postgresql ]; then
  PGBIN="${KC_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
  [ -x "$PGBIN/pg_ctl" ] || PGBIN="$(dirname "$(command -v pg_ctl)")"
  if [ -n "${KC_DRILL_PG_URL:-}" ]; then
    BASE="${KC_DRILL_PG_URL%/}"
  else
    PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    PGDATA_DIR="$WORK/pg/data"
    mkdir -p "$WORK/pg"
    if [ "$(id -u)" = 0 ]; then chown postgres "$WORK/pg"; chmod 755 "$WORK"; fi
    # fsync off: the drill checks what a backup brings back, not durability (the crash test
    # does, with fsync on); seeding then takes seconds less.
    as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/pg.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK/pg -c fsync=off" -w start >/dev/null
    BASE="postgresql://postgres@127.0.0.1:$PORT"
  fi
  NAME="drill_$(date +%s)_$$"
  "$PGBIN/createdb" --maintenance-db="$BASE/postgres" "${NAME}_source"
  "$PGBIN/createdb" --maintenance-db="$BASE/postgres" "${NAME}_restored"
  SOURCE="$BASE/${NAME}_source"
  RESTORED="$BASE/${NAME}_restored"
  drop_databases() {
    "$PGBIN/dropdb" --maintenance-db="$BASE/postgres" --force "${NAME}_source" 2>/dev/null || true
    "$PGBIN/dropdb" --maintenance-db="$BASE/postgres" --force "${NAME}_restored" 2>/dev/null || true
  }
  if [ -n "${KC_DRILL_PG_URL:-}" ]; then trap 'drop_databases; cleanup' EXIT; fi
else
  SOURCE="sqlite:///$WORK/source.db"
  RESTORED="sqlite:///$WORK/restored.db"
fi

echo "Restore drill on $KIND"
set +e
"$BIN/python" -m kindcentraal.backup.drill --source "$SOURCE" --restored "$RESTORED" \
  --work "$WORK" --rate "$RATE"
DRILL_RC=$?
echo "-- kindcentraal audit verify on the restored copy"
KC_DATABASE_URL="$RESTORED" "$BIN/kindcentraal" audit verify
VERIFY_RC=$?
set -e
echo "Drill script: $(since "$DRILL_START") s in all"
[ "$DRILL_RC" = 0 ] && [ "$VERIFY_RC" = 0 ]
