#!/usr/bin/env bash
# Sets the machine up as `npm run bench` and `npm run soak` need it (PostgreSQL, Redis, Chromium),
# then runs one TypeScript entry point: bash scripts/run-prepared.sh FILE.ts [ARGS...]
set -euo pipefail
# shellcheck source=scripts/lib/ensure-system.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ensure-system.sh"
cd "$SARABAN_ROOT"
setup_export_env postgres
setup_ensure_all
exec npx --no -- tsx --tsconfig tsconfig.json "$@"
