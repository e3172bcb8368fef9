#!/usr/bin/env bash
# `npm test`: type check, unit and integration tests (real Postgres), then Playwright end to end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"
npx tsc --noEmit -p .
echo "== unit + integration (vitest, embedded PostgreSQL)"
npx vitest run
echo "== end to end (Playwright, Chromium)"
npx playwright test
