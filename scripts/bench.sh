#!/usr/bin/env bash
# npm run bench: set the machine up, then run every benchmark (bench/run-all.ts).
# Extra arguments go to bench/run-all.ts: npm run bench -- --quick
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/run-prepared.sh" bench/run-all.ts "$@"
