#!/usr/bin/env bash
# npm run bench: set the machine up, then run every benchmark (bench/run-all.ts).
# Extra arguments go to bench/run-all.ts: npm run bench -- --quick
set -euo pipefail
# shellcheck source=scripts/lib/ensure-system.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ensure-system.sh"
cd "$SARABAN_ROOT"
setup_export_env postgres
setup_ensure_all
exec npx --no -- tsx --tsconfig tsconfig.json bench/run-all.ts "$@"
