/** Builds and drives `register-open-child.ts`: the app's open path in a real, separate process. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CHILD_SOURCE = fileURLToPath(new URL('./register-open-child.ts', import.meta.url));

export type ChildResult = {
  readOnly: boolean;
  reason: string | null;
  outcome: string;
  messages: string[];
  revision: number;
  digest: string;
};

/** Bundles the child into `dir` (one .mjs, quick to start); resolves its path. */
export async function buildOpenChild(dir: string): Promise<string> {
  const bundle = path.join(dir, 'register-open-child.mjs');
  await build({ entryPoints: [CHILD_SOURCE], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  return bundle;
}

/** `nobody` when this process is root and `setpriv` exists (root ignores permission bits); undefined otherwise. */
export function unprivilegedPrefix(): string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', 'process.exit(process.getuid() === 65534 ? 0 : 1)']);
  return probe.status === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
}

export class OpenChild {
  readonly lines: string[] = [];
  readonly done: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly listeners: (() => void)[] = [];
  stderr = '';

  constructor(bundle: string, args: string[], prefix: string[] = []) {
    const [command, ...rest] = prefix.length > 0 ? [...prefix, process.execPath] : [process.execPath];
    this.child = spawn(command!, [...rest, bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let buffered = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        this.lines.push(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        for (const listener of this.listeners.splice(0)) listener();
      }
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    // A child that never finishes is a failure, not a hang.
    const guard = setTimeout(() => this.child.kill('SIGKILL'), 60_000);
    this.done = new Promise((resolve) =>
      this.child.on('close', (code) => {
        clearTimeout(guard);
        for (const listener of this.listeners.splice(0)) listener();
        resolve(code);
      }),
    );
  }

  /** The first line starting with `word`, waiting for it (undefined if the child ends first). */
  async line(word: string): Promise<string | undefined> {
    for (;;) {
      const found = this.lines.find((l) => l === word || l.startsWith(`${word} `));
      if (found !== undefined) return found.slice(word.length).trim();
      if (this.child.exitCode !== null || this.child.signalCode !== null) return undefined;
      await new Promise<void>((resolve) => this.listeners.push(resolve));
    }
  }

  /** RESULT as parsed JSON, or throws with the child's ERROR line and stderr. */
  async result(): Promise<ChildResult> {
    const settled = await Promise.race([this.line('RESULT').then((r) => ({ r })), this.line('ERROR').then((e) => ({ e }))]);
    if ('r' in settled && settled.r !== undefined) return JSON.parse(settled.r) as ChildResult;
    const error = 'e' in settled ? settled.e : await this.line('ERROR');
    throw new Error(`child failed: ${error ?? '(no result)'}; stderr: ${this.stderr}`);
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  end(): Promise<number | null> {
    this.child.stdin.end();
    return this.done;
  }
}
