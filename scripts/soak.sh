#!/usr/bin/env bash
# npm run soak: 30 minutes (SOAK_MINUTES) of mixed work and faults against the compiled API and
# worker (soak/document-soak.ts); prints its figures and exits non-zero when a criterion fails.
set -euo pipefail
# shellcheck source=scripts/lib/ensure-system.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ensure-system.sh"
cd "$SARABAN_ROOT"
setup_export_env postgres
setup_ensure_all
exec npx --no -- tsx --tsconfig tsconfig.json soak/document-soak.ts "$@"
