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
# The portal's component tests (vitest, jsdom) count in the same totals.
rm -f tmp/vitest-results.json
npx vitest run --config apps/portal/vitest.config.mts --reporter=default --reporter=json --outputFile.json="$PWD/tmp/vitest-results.json" || status=1
if [ -f tmp/jest-results.json ]; then
  node -e 'const r=require("./tmp/jest-results.json"); const fs=require("fs"); const v=fs.existsSync("./tmp/vitest-results.json")?require("./tmp/vitest-results.json"):{numPassedTests:0,numFailedTests:1}; const failed=r.numFailedTests + (r.numRuntimeErrorTestSuites||0) + v.numFailedTests + (v.numRuntimeErrorTestSuites||0); console.log(`${r.numPassedTests + v.numPassedTests} passed, ${failed} failed`)'
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
