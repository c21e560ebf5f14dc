#!/usr/bin/env bash
# The restore drill (docs/backup.md): seed the demo into a fresh database, back it up while a
# writer keeps writing through the service layer, restore into another fresh database, compare
# the checksums, check that every write acknowledged before the backup began came back, and run
# `kindcentraal audit verify` on the restored copy. Prints the drill's time; exits non-zero when
# anything does not match.
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
WRITER_PID=""
PGBIN=""
PGDATA_DIR=""

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "$WRITER_PID" ]; then kill "$WRITER_PID" 2>/dev/null || true; wait "$WRITER_PID" 2>/dev/null || true; fi
  if [ -n "$PGDATA_DIR" ]; then as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step() { echo "-- $*"; }

export KC_SECRET_KEY="${KC_SECRET_KEY:-restore-drill-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
export KC_ENV="${KC_ENV:-development}"
export KC_AUDIT_SEAL_INTERVAL_SECONDS=0

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
    as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/pg.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK/pg" -w start >/dev/null
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
step "fresh database: migrate and seed the demo"
SEED_START="$(now)"
KC_DATABASE_URL="$SOURCE" "$BIN/kindcentraal" db upgrade >/dev/null 2>&1
KC_DATABASE_URL="$SOURCE" "$BIN/kindcentraal" seed demo >/dev/null
echo "   seeded in $(since "$SEED_START") s"

step "a writer: $RATE writes/s through the service layer (absences, every 5th a message)"
"$BIN/python" -m kindcentraal.backup.writer write --database-url "$SOURCE" --rate "$RATE" \
  --acks "$WORK/acks" >"$WORK/writer.out" 2>"$WORK/writer.err" &
WRITER_PID=$!
touch "$WORK/acks"
for _ in $(seq 1 300); do
  [ "$(wc -l <"$WORK/acks")" -ge 5 ] && break
  kill -0 "$WRITER_PID" 2>/dev/null || { cat "$WORK/writer.err" >&2; echo "the writer stopped" >&2; exit 1; }
  sleep 0.05
done

step "back up while the writer writes"
BEFORE="$(wc -l <"$WORK/acks")"
BACKUP_START="$(now)"
"$BIN/kindcentraal" backup --database-url "$SOURCE" --output "$WORK/backup"
BACKUP_SECONDS="$(since "$BACKUP_START")"
AFTER="$(wc -l <"$WORK/acks")"
kill "$WRITER_PID"; wait "$WRITER_PID" || true; WRITER_PID=""
DURING=$((AFTER - BEFORE))
echo "   $DURING writes committed while the backup ran ($BEFORE before it began)"

step "restore into a fresh database"
RESTORE_START="$(now)"
set +e
"$BIN/kindcentraal" restore "$WORK/backup" --database-url "$RESTORED"
RESTORE_RC=$?
set -e
RESTORE_SECONDS="$(since "$RESTORE_START")"

step "every write acknowledged before the backup began is in the restored copy"
set +e
"$BIN/python" -m kindcentraal.backup.writer check --database-url "$RESTORED" \
  --acks "$WORK/acks" --first "$BEFORE"
CHECK_RC=$?
step "kindcentraal audit verify on the restored copy"
KC_DATABASE_URL="$RESTORED" "$BIN/kindcentraal" audit verify
VERIFY_RC=$?
set -e

MATCH=no; [ "$RESTORE_RC" = 0 ] && MATCH=yes
VERIFIED=no; [ "$VERIFY_RC" = 0 ] && VERIFIED=yes
KEPT=no; [ "$CHECK_RC" = 0 ] && KEPT=yes
echo
echo "Restore drill ($KIND): $(since "$DRILL_START") s in all; backup $BACKUP_SECONDS s with $DURING writes during it, restore and check $RESTORE_SECONDS s"
echo "checksums match: $MATCH; acknowledged writes kept: $KEPT; access log verifies: $VERIFIED"
[ "$MATCH" = yes ] && [ "$VERIFIED" = yes ] && [ "$KEPT" = yes ]
