#!/usr/bin/env bash
# npm run setup: install and start everything the project needs (idempotent).
# Debian packages (as root), PostgreSQL, Redis, Node dependencies.
set -euo pipefail
# shellcheck source=scripts/lib/ensure-system.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ensure-system.sh"
cd "$SARABAN_ROOT"
setup_ensure_all
