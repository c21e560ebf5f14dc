#!/usr/bin/env bash
# Serve the API (127.0.0.1:8000), the built SPA (127.0.0.1:5173), the worker (e-mail, access-log
# sealing, weekly digest) and a development mail server that keeps every mail under var/mail/
# (read them at 127.0.0.1:8025); Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p var
API_PORT="${KC_API_PORT:-8000}"
SPA_PORT="${KC_SPA_PORT:-5173}"
SMTP_PORT="${KC_DEV_SMTP_PORT:-1025}"
MAIL_PORT="${KC_DEV_MAIL_PORT:-8025}"
export KC_SMTP_URL="${KC_SMTP_URL:-smtp://127.0.0.1:$SMTP_PORT?tls=none}"
export KC_APP_URL="${KC_APP_URL:-http://127.0.0.1:$SPA_PORT}"

.venv/bin/uvicorn kindcentraal.main:app --host 127.0.0.1 --port "$API_PORT" --log-level warning &
API_PID=$!
(cd frontend && exec ./node_modules/.bin/vite preview --host 127.0.0.1 --port "$SPA_PORT" --strictPort) >/dev/null &
SPA_PID=$!
.venv/bin/kindcentraal dev-mail --folder var/mail --smtp-port "$SMTP_PORT" --http-port "$MAIL_PORT" >/dev/null 2>&1 &
MAIL_PID=$!
.venv/bin/kindcentraal worker >var/worker.log 2>&1 &
WORKER_PID=$!
trap 'kill $API_PID $SPA_PID $MAIL_PID $WORKER_PID 2>/dev/null; wait 2>/dev/null; echo; echo "Stopped."' INT TERM EXIT

for _ in $(seq 1 100); do
  if curl -fs "http://127.0.0.1:$API_PORT/api/v1/" >/dev/null 2>&1; then break; fi
  sleep 0.1
done

cat <<MSG

  KindCentraal is running.

  App (SPA):  http://127.0.0.1:$SPA_PORT
  API:        http://127.0.0.1:$API_PORT/api/v1   (docs: http://127.0.0.1:$API_PORT/api/v1/docs)
  Mail:       http://127.0.0.1:$MAIL_PORT   (every e-mail the app sends, kept in var/mail/;
              delivered by \`kindcentraal worker\`, log in var/worker.log)

  Demo logins (password: Regenboog-demo-2026)
    beheer@regenboog.demo        centre administrator
    leerkracht@regenboog.demo    teacher, Basisschool De Regenboog
    pm@regenboog.demo            pedagogisch medewerker, Kinderopvang De Regenboog
    logopedist@regenboog.demo    speech therapist, Zorgpartners Gooi (an active logopedie trajectory)
    ib@regenboog.demo            intern begeleider: care coordinator, decides signals, support board
    gemeente@regenboog.demo      municipality analyst
    ouder@regenboog.demo         parent of two children at the school: the parent app, /ouder
    ouder.zonder.gezag@regenboog.demo  the same children's other guardian, without parental authority

  Press Ctrl-C to stop.
MSG
wait
