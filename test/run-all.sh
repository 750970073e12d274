#!/usr/bin/env bash
# The whole test suite: unit, integration (real Redis and PostgreSQL) and end-to-end.
# Ends with one plain line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
bash test/ensure-tools.sh
kinds=$(bash test/ensure-services.sh) || exit 1
export CONVEYOR_TEST_DB_KINDS="$kinds"
mkdir -p tmp
rm -f tmp/jest-results.json
npx jest -c .config/jest.config.js --runInBand=false --maxWorkers=2 --json --outputFile=tmp/jest-results.json "$@"
status=$?
if [ -f tmp/jest-results.json ]; then
  node -e 'const r=require("./tmp/jest-results.json"); const failed=r.numFailedTests + (r.numRuntimeErrorTestSuites||0); console.log(`${r.numPassedTests} passed, ${failed} failed`)'
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
