#!/usr/bin/env bash
# npm test: set the machine up, run the whole jest suite in one process, and end
# with one line "N passed, N failed[, N skipped]".
# Extra arguments go to jest: npm test -- libs/numbering
set -euo pipefail
# shellcheck source=scripts/lib/ensure-system.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ensure-system.sh"
cd "$SARABAN_ROOT"

# Tests create their own databases from DATABASE_URL; TZ is left as it is on purpose.
setup_export_env postgres
setup_ensure_all

results="$(mktemp "${TMPDIR:-/tmp}/saraban-jest.XXXXXX.json")"
trap 'rm -f "$results"' EXIT

# Only 2 cores: the whole suite runs in jest's own process (--runInBand).
rc=0
npx --no -- jest --runInBand --json --outputFile="$results" "$@" </dev/null || rc=$?

summary=""
if [[ -s "$results" ]]; then
  # shellcheck disable=SC2016 # JavaScript, not shell
  summary="$(
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const passed = r.numPassedTests || 0;
      // suites that could not run at all (syntax/import errors) count as failures too
      const failed = (r.numFailedTests || 0) + (r.numRuntimeErrorTestSuites || 0);
      const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
      let line = `${passed} passed, ${failed} failed`;
      if (skipped > 0) line += `, ${skipped} skipped`;
      console.log(line);
      console.log(passed + failed);
    ' "$results"
  )" || summary=""
fi

if [[ -z "$summary" ]]; then
  echo "[test] jest wrote no results (exit code $rc)" >&2
  echo "0 passed, 0 failed"
  exit "$((rc == 0 ? 1 : rc))"
fi

ran="$(tail -n 1 <<<"$summary")"
echo
head -n 1 <<<"$summary"

if ((rc != 0)); then
  exit "$rc"
fi
if ((ran == 0)); then
  echo "[test] no test ran" >&2
  exit 1
fi
