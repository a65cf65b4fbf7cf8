import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../electron/contract';
import { backupRows, canMakeWritable, fileFacts } from '../../../../renderer/features/data/data.view-model';
import { fileNameOf } from '../../../../renderer/lib/file-name';

const info: AppInfo = {
  name: 'Sambruk Kansli',
  version: '0.1.0',
  mode: 'desktop',
  dataFile: 'C:\\Users\\kansli\\AppData\\Roaming\\Sambruk Kansli\\sambruk.json',
  backupDir: 'C:\\Users\\kansli\\AppData\\Roaming\\Sambruk Kansli\\backups',
  readOnly: false,
  loadReport: { outcome: 'opened', messages: [] },
};

describe('data view model', () => {
  it('lists the open file, the backup folder and the save facts', () => {
    const facts = fileFacts(info, { state: 'saved', revision: 1234, lastSavedAt: '2022-06-30T10:00:00.000Z' });
    expect(facts.map((f) => f.label)).toEqual(['Öppen fil', 'Mapp för säkerhetskopior', 'Läge', 'Skrivskyddat', 'Senast ändrat', 'Ändringsnummer']);
    expect(facts.find((f) => f.label === 'Senast ändrat')?.value).toBe('2022-06-30 12:00');
    expect(facts.find((f) => f.label === 'Läge')?.value).toBe('Skrivbordsprogram');
  });

  it('says why the register is read-only, and offers to make it writable only when its file is write-protected', () => {
    const readOnly = (facts: ReturnType<typeof fileFacts>) => facts.find((f) => f.label === 'Skrivskyddat')?.value;
    expect(readOnly(fileFacts(info, undefined))).toBe('Nej');
    expect(readOnly(fileFacts({ ...info, readOnly: true }, undefined))).toBe('Ja');
    expect(readOnly(fileFacts({ ...info, readOnly: true, readOnlyReason: 'file-read-only' }, undefined))).toBe('Ja, registerfilen är skrivskyddad');
    expect(readOnly(fileFacts({ ...info, readOnly: true, readOnlyReason: 'disk-full' }, undefined))).toBe('Ja, disken är full');
    expect(canMakeWritable({ ...info, readOnly: true, readOnlyReason: 'file-read-only' })).toBe(true);
    for (const reason of ['locked', 'folder-read-only', 'file-system-read-only', 'disk-full', 'lock-no-access'] as const) {
      expect(canMakeWritable({ ...info, readOnly: true, readOnlyReason: reason })).toBe(false);
    }
    expect(canMakeWritable({ ...info, readOnly: true })).toBe(false);
    // A reason left over from before does not matter once the register is writable.
    expect(canMakeWritable({ ...info, readOnly: false, readOnlyReason: 'file-read-only' })).toBe(false);
  });

  it('leaves out the backup folder when there is none (web mode)', () => {
    const facts = fileFacts({ ...info, mode: 'web', backupDir: '' }, undefined);
    expect(facts.map((f) => f.label)).not.toContain('Mapp för säkerhetskopior');
  });

  it('sorts backups newest first and names their kind in Swedish', () => {
    const rows = backupRows([
      { name: 'a.json', createdAt: '2022-06-01T08:00:00.000Z', sizeBytes: 2048, kind: 'daily' },
      { name: 'b.json', createdAt: '2022-06-30T08:00:00.000Z', sizeBytes: 512, kind: 'rolling' },
    ]);
    expect(rows.map((r) => [r.name, r.kind])).toEqual([
      ['b.json', 'Löpande'],
      ['a.json', 'Daglig'],
    ]);
    expect(rows[1]?.size).toMatch(/^2[\u00a0\u202f]kB$/);
  });

  it('shows the file name of Windows and POSIX paths, and a non-path name whole', () => {
    expect(fileNameOf(info.dataFile)).toBe('sambruk.json');
    expect(fileNameOf('/home/kansli/sambruk.json')).toBe('sambruk.json');
    expect(fileNameOf('Webbläge (i minnet)')).toBe('Webbläge (i minnet)');
  });
});
