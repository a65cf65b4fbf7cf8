/**
 * Child process for the kill -9 test: opens the register and saves forever, each save carrying the next
 * revision, printing `ACK <revision>` only after the save has resolved (i.e. is durable). Bundled to .mjs
 * by the test so each spawn starts fast.
 *
 * argv: <document file> <default document json>
 * stdout: `OPEN <outcome> <revision>` once, then `ACK <n>` per acknowledged save.
 */
import { readFileSync } from 'node:fs';
import { writeSync } from 'node:fs';
import { openDocumentFile } from '../../electron/node/document-file-store';
import { parseDocumentText } from '../../electron/core/store/parse-document';

const [file, defaultPath] = process.argv.slice(2);
if (!file || !defaultPath) {
  process.stderr.write('usage: store-save-child <file> <default.json>\n');
  process.exit(2);
}
const defaultText = readFileSync(defaultPath, 'utf8');

// Synchronous writes to fd 1: the line is in the pipe before the next save starts.
const say = (line: string) => writeSync(1, `${line}\n`);

const opened = await openDocumentFile({ file, createDefault: () => parseDocumentText(defaultText) });
let doc = opened.document;
say(`OPEN ${opened.report.outcome} ${doc.meta.revision}`);
for (;;) {
  const revision = doc.meta.revision + 1;
  doc = {
    ...doc,
    meta: { ...doc.meta, revision, updatedAt: new Date().toISOString() },
    settings: { ...doc.settings, counter: revision },
  };
  await opened.port.save(doc);
  say(`ACK ${revision}`);
}
