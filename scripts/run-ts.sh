#!/usr/bin/env bash
# Run a TypeScript entry file directly (dev commands), e.g.
#   bash scripts/run-ts.sh apps/cli/src/org-import.ts demo/organisation.yaml
# Only makes sure node_modules is installed (no apt, no services).
set -euo pipefail
# shellcheck source=scripts/lib/ensure-system.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ensure-system.sh"
cd "$SARABAN_ROOT"
setup_ensure_node_deps
exec npx --no -- tsx --tsconfig tsconfig.json "$@"
