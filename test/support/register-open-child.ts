/**
 * Child process that opens a register the way the app does at start (`openRegisterFile`: lock, read-only
 * decision, store), answering every question with «open read-only» (and «quit» at the damaged-register one).
 * Bundled to .mjs by the tests; run as another user (setpriv) to meet real permission errors, or two at once
 * to race on a first start.
 *
 * argv: <document file> <default document json> [--wait-go] [--hold]
 * stdin (with --wait-go): `GO` starts the open. With --hold, `SAVE` then tries one change, and the end of stdin
 * releases the lock and exits.
 * stdout: `READY`, then `RESULT <json>` (or `ERROR <json>`), then `SAVE ok` / `SAVE <error code>`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { openRegisterFile } from '../../electron/node/register-access';

const [file, defaultPath, ...flags] = process.argv.slice(2);
if (!file || !defaultPath) {
  process.stderr.write('usage: register-open-child <file> <default.json> [--wait-go] [--hold]\n');
  process.exit(2);
}
const defaultText = readFileSync(defaultPath, 'utf8');
const say = (line: string) => writeSync(1, `${line}\n`);

const lines = createInterface({ input: process.stdin });
const queue: string[] = [];
const waiters: ((line: string | undefined) => void)[] = [];
let ended = false;
lines.on('line', (line) => {
  const waiter = waiters.shift();
  if (waiter) waiter(line);
  else queue.push(line);
});
lines.on('close', () => {
  ended = true;
  for (const waiter of waiters.splice(0)) waiter(undefined);
});
const nextLine = () =>
  new Promise<string | undefined>((resolve) => {
    if (queue.length > 0) resolve(queue.shift());
    else if (ended) resolve(undefined);
    else waiters.push(resolve);
  });

say('READY');
if (flags.includes('--wait-go')) await nextLine();

const answer = async () => 'read-only' as const;
try {
  const opened = await openRegisterFile(file, {
    lock: { owner: { user: os.userInfo().username, host: os.hostname(), pid: process.pid, appVersion: 'test' } },
    questions: { lockedByOther: answer, takeOver: answer, readOnlyHere: answer, startFromDefault: async () => 'quit' },
    createDefault: () => parseDocumentText(defaultText),
  });
  if (!opened) {
    say('RESULT null');
    process.exit(0);
  }
  const digest = createHash('sha256').update(JSON.stringify(opened.document)).digest('hex');
  say(
    `RESULT ${JSON.stringify({
      readOnly: opened.readOnly,
      reason: opened.readOnlyReason ?? null,
      outcome: opened.report.outcome,
      messages: opened.report.messages,
      revision: opened.document.meta.revision,
      digest,
    })}`,
  );
  if (flags.includes('--hold')) {
    if ((await nextLine()) === 'SAVE') {
      const doc = opened.document;
      try {
        await opened.port.save({ ...doc, meta: { ...doc.meta, revision: doc.meta.revision + 1 } });
        say('SAVE ok');
      } catch (error) {
        say(`SAVE ${(error as { code?: string }).code ?? 'error'}`);
      }
    }
    while ((await nextLine()) !== undefined);
  }
  await opened.lock?.release();
  process.exit(0);
} catch (error) {
  say(`ERROR ${JSON.stringify({ code: (error as { code?: string }).code ?? null, message: error instanceof Error ? error.message : String(error) })}`);
  process.exit(1);
}
