// Prints vitest's JSON report as the one closing line CI reads: "N passed, N failed, N skipped". Before it, the
// tests that passed only when tried again (CI retries the projects that race real processes, browsers and
// clocks, see vitest.config.ts): each is named with its first failure, so a flaky test is seen and mended.
import fs from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest-report.json';
if (!fs.existsSync(file)) {
  console.log('Tests: 0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const flaky = (r.testResults ?? []).flatMap((f) =>
  (f.assertionResults ?? [])
    .filter((t) => t.status === 'passed' && (t.failureMessages ?? []).length > 0)
    .map((t) => ({ file: String(f.name ?? '').replace(/^.*?\/test\//, 'test/'), title: t.fullName ?? t.title, first: String(t.failureMessages[0]).split('\n')[0] })),
);
if (flaky.length > 0) {
  console.log(`Passed only when tried again (${flaky.length}):`);
  for (const t of flaky) console.log(`- ${t.file} › ${t.title}: ${t.first}`);
}
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
