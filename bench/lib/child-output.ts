/** How a bench child process hands its figures to the runner: one JSON line on stdout with a fixed prefix. */
export const RESULT_PREFIX = 'BENCH-RESULT ';

export function printChildResult(value: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(value)}\n`);
}
