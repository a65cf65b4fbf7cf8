// Prints vitest's JSON report as the one closing line CI reads: "N passed, N failed, N skipped".
import fs from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest-report.json';
if (!fs.existsSync(file)) {
  console.log('Tests: 0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
