/**
 * When the server cannot be reached, the app says so, shows the register as it last read it, read-only, and
 * reconnects by itself, catching up on what others saved meanwhile. The network is a TCP relay in front of the
 * real server that the test cuts and restores.
 */
import net from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { loadDefaultDocument } from '../../support/memory-document';
import { describePg, pgUrl } from '../../support/postgres';
import { filledDatabase, openAs } from '../../support/pg-register-helpers';

/** Relays 127.0.0.1:<port> to the server; `cut()` drops every connection and refuses new ones until `restore()`. */
async function relay(target: number) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((inbound) => {
    if (!up) return inbound.destroy();
    const outbound = net.connect(target, '127.0.0.1');
    sockets.add(inbound).add(outbound);
    inbound.pipe(outbound).pipe(inbound);
    const drop = () => {
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      up = true;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  // The clients first, then the relay they go through.
  for (const close of closers.reverse()) await close();
});

describePg('offline', () => {
  it('says so, shows the last state read-only, refuses changes, and reconnects by itself', async () => {
    const db = await filledDatabase('offline', loadDefaultDocument());
    const serverPort = Number(new URL(pgUrl(db)).port);
    const network = await relay(serverPort);
    closers.push(network.close);
    const states: string[] = [];
    const messages: string[] = [];
    const holder: { repo?: { setReadOnly(v: boolean): void } } = {};
    const { shared, repo } = await openAs(db, 'borta_ulla', 'kansli_sekretariat', {
      url: pgUrl(db, 'borta_ulla').replace(`:${serverPort}/`, `:${network.port}/`),
      reconnectDelaysMs: [100],
      onConnection: (state, message) => {
        states.push(state);
        messages.push(message);
        holder.repo?.setReadOnly(state === 'offline');
      },
    });
    holder.repo = repo;
    closers.push(() => shared.close());
    const colleague = await openAs(db, 'borta_kollega');
    closers.push(() => colleague.shared.close());
    const org = repo.get().organisations[0]!;
    const before = repo.get();

    network.cut();
    for (let i = 0; i < 100 && states.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(states).toEqual(['offline']);
    expect(messages[0]).toBe('Servern går inte att nå. Registret visas som det senast lästes, skrivskyddat, tills förbindelsen är tillbaka.');
    expect(repo.get()).toBe(before);
    expect(repo.isReadOnly()).toBe(true);
    await expect(repo.change('Ulla skriver', (tx) => tx.organisations.update(org.id, { note: 'Ulla' }))).rejects.toMatchObject({ code: 'read-only' });
    // The store itself refuses too, whatever the repository thinks.
    repo.setReadOnly(false);
    await expect(repo.change('Ulla skriver', (tx) => tx.organisations.update(org.id, { note: 'Ulla' }))).rejects.toMatchObject({ code: 'read-only' });
    repo.setReadOnly(true);

    // Meanwhile a colleague saves a change.
    await colleague.repo.change('Kollegan skriver', (tx) => tx.organisations.update(org.id, { note: 'kollegan' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(states).toEqual(['offline']);

    network.restore();
    for (let i = 0; i < 200 && states.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(states).toEqual(['offline', 'online']);
    expect(repo.isReadOnly()).toBe(false);
    for (let i = 0; i < 50 && repo.get().organisations[0]!.note !== 'kollegan'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(repo.get().organisations[0]!.note).toBe('kollegan');
    await repo.change('Ulla skriver', (tx) => tx.organisations.update(org.id, { note: 'Ulla' }));
    expect(repo.get().organisations[0]!.note).toBe('Ulla');
  });
});
