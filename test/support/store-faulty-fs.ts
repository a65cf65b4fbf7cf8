/**
 * A StoreFs over the real disk that fails on demand, the way a full disk or a dying one does: a write that
 * gets some bytes out and then ENOSPC, or an error from fsync, close, rename, link.
 */
import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../electron/node/durable-json-file';

export type FaultPoint = 'write' | 'sync' | 'close' | 'rename' | 'link' | 'dir-sync' | 'open';

export function fsError(code: string, op: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure, ${op}`), { code, errno: -1, syscall: op });
}

export function createFaultyFs(base: StoreFs = nodeStoreFs) {
  const armed = new Map<FaultPoint, { code: string; match?: (file: string) => boolean }>();
  const calls: { op: FaultPoint; path: string }[] = [];
  let partialWriteDone = false;

  /** Fails once at `point` with `code`, counting from now; only for paths `match` accepts, if given. */
  function failNext(point: FaultPoint, code = 'ENOSPC', match?: (file: string) => boolean) {
    armed.set(point, match ? { code, match } : { code });
  }
  function armedFor(point: FaultPoint, file: string) {
    const fault = armed.get(point);
    return fault && (!fault.match || fault.match(file)) ? fault : undefined;
  }
  function take(point: FaultPoint, file: string) {
    calls.push({ op: point, path: file });
    const fault = armedFor(point, file);
    if (!fault) return;
    armed.delete(point);
    throw fsError(fault.code, point);
  }

  const fs: StoreFs = {
    ...base,
    async open(file, flags, mode) {
      const isDir = flags === 'r';
      if (!isDir) take('open', file);
      const handle = await base.open(file, flags, mode);
      const wrapped: StoreFileHandle = {
        async write(buffer, offset, length, position) {
          if (!armedFor('write', file)) return handle.write(buffer, offset, length, position);
          if (!partialWriteDone) {
            // Get part of the data out first, so the failure comes mid-file as on a filling disk.
            partialWriteDone = true;
            const half = Math.max(1, Math.floor(length / 2));
            await handle.write(buffer, offset, half, position);
            calls.push({ op: 'write', path: file });
            return { bytesWritten: half };
          }
          partialWriteDone = false;
          take('write', file);
          return handle.write(buffer, offset, length, position);
        },
        chmod: (m) => handle.chmod(m),
        async sync() {
          take(isDir ? 'dir-sync' : 'sync', file);
          return handle.sync();
        },
        async close() {
          await handle.close();
          if (!isDir) take('close', file);
        },
      };
      return wrapped;
    },
    async rename(from, to) {
      take('rename', to);
      return base.rename(from, to);
    },
    async link(existing, newPath) {
      take('link', newPath);
      return base.link(existing, newPath);
    },
  };
  return { fs, failNext, calls, disarm: () => armed.clear() };
}
