import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve('scripts/test-summary.mjs');
const run = (report: unknown) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'summary-'));
  const file = path.join(dir, 'report.json');
  writeFileSync(file, JSON.stringify(report));
  return execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
};

describe('the closing line CI reads', () => {
  it('counts passed, failed and skipped, and names a test that passed only when tried again', () => {
    const out = run({
      numPassedTests: 2,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [
        {
          name: '/ci/clone/test/e2e/lista.test.ts',
          assertionResults: [
            { title: 'finds', fullName: 'the list finds', status: 'passed', failureMessages: ['Error: timed out\n    at somewhere'] },
            { title: 'sorts', fullName: 'the list sorts', status: 'passed', failureMessages: [] },
            { title: 'breaks', fullName: 'the list breaks', status: 'failed', failureMessages: ['Error: no'] },
          ],
        },
      ],
    });
    expect(out.trim().split('\n')).toEqual(['Passed only when tried again (1):', '- test/e2e/lista.test.ts › the list finds: Error: timed out', 'Tests: 2 passed, 1 failed, 1 skipped']);
  });

  it('prints only the totals when nothing needed a second try', () => {
    expect(run({ numPassedTests: 5, numFailedTests: 0, testResults: [] })).toBe('Tests: 5 passed, 0 failed, 0 skipped\n');
  });
});
