#!/usr/bin/env bash
# Serve the API (127.0.0.1:8000) and the built SPA (127.0.0.1:5173); Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

API_PORT="${KC_API_PORT:-8000}"
SPA_PORT="${KC_SPA_PORT:-5173}"

.venv/bin/uvicorn kindcentraal.main:app --host 127.0.0.1 --port "$API_PORT" --log-level warning &
API_PID=$!
(cd frontend && exec ./node_modules/.bin/vite preview --host 127.0.0.1 --port "$SPA_PORT" --strictPort) >/dev/null &
SPA_PID=$!
trap 'kill $API_PID $SPA_PID 2>/dev/null; wait 2>/dev/null; echo; echo "Stopped."' INT TERM EXIT

for _ in $(seq 1 100); do
  if curl -fs "http://127.0.0.1:$API_PORT/api/v1/" >/dev/null 2>&1; then break; fi
  sleep 0.1
done

cat <<MSG

  KindCentraal is running.

  App (SPA):  http://127.0.0.1:$SPA_PORT
  API:        http://127.0.0.1:$API_PORT/api/v1   (docs: http://127.0.0.1:$API_PORT/api/v1/docs)

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
