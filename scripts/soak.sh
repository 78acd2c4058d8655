#!/usr/bin/env bash
# npm run soak: 30 minutes (SOAK_MINUTES) of mixed work and faults against the compiled API and
# worker (soak/document-soak.ts); prints its figures and exits non-zero when a criterion fails.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/run-prepared.sh" soak/document-soak.ts "$@"
