/** Data screen: app info, save state and backups -> display rows. */
import type { AppInfo, BackupInfo } from '../../../electron/contract';
import type { SaveState } from '../../app/api';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

export type FactVm = { label: string; value: string; testId?: string };
export type BackupRowVm = { name: string; createdAt: string; kind: string; size: string };

export function fileFacts(info: AppInfo, status: SaveState | undefined): FactVm[] {
  return [
    { label: sv.data.dataFile, value: info.dataFile, testId: 'data-file' },
    ...(info.backupDir ? [{ label: sv.data.backupDir, value: info.backupDir }] : []),
    { label: sv.data.mode, value: sv.about.modes[info.mode] },
    { label: sv.data.readOnly, value: readOnlyValue(info), testId: 'read-only' },
    ...(status?.lastSavedAt ? [{ label: sv.data.lastChanged, value: formatDateTime(status.lastSavedAt) }] : []),
    ...(status ? [{ label: sv.data.revision, value: formatNumber(status.revision) }] : []),
  ];
}

function readOnlyValue(info: AppInfo): string {
  if (!info.readOnly) return sv.data.no;
  return info.readOnlyReason ? sv.data.readOnlyBecause(sv.data.readOnlyReasons[info.readOnlyReason]) : sv.data.yes;
}

/** Only a write-protected file can be made writable from the app; other reasons are not the user's to lift here. */
export function canMakeWritable(info: AppInfo): boolean {
  return info.readOnly && info.readOnlyReason === 'file-read-only';
}

/** Newest first, whatever order the store lists them in. */
export function backupRows(backups: readonly BackupInfo[]): BackupRowVm[] {
  return [...backups]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name))
    .map((b) => ({
      name: b.name,
      createdAt: formatDateTime(b.createdAt),
      kind: sv.data.backupKinds[b.kind],
      size: formatBytes(b.sizeBytes),
    }));
}
