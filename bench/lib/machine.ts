import os from 'node:os';

/** One line naming the machine: CPU model, cores, memory, Node, OS, and the load when the run started. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? 'okänd processor').replace(/\s+/g, ' ').trim();
  const memoryGb = (os.totalmem() / 1024 ** 3).toFixed(1);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${model}, ${os.availableParallelism()} kärnor, ${memoryGb} GB minne, Node ${process.version}, ${os.platform()} ${os.release()}, belastning vid start ${load}`;
}
