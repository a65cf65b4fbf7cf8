import { errorCode } from './durable-json-file';

/** A Swedish phrase for why a disk operation failed, to finish a sentence like «… kunde inte sparas: <phrase>.» */
export function describeFsError(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOSPC':
      return 'disken är full';
    case 'EDQUOT':
      return 'lagringskvoten är slut';
    case 'EACCES':
    case 'EPERM':
      return 'behörighet saknas till filen eller mappen';
    case 'EROFS':
      return 'disken är skrivskyddad';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'filen används av ett annat program';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'mappen finns inte längre';
    case 'EIO':
      return 'ett läs- eller skrivfel uppstod på disken';
    case 'EMFILE':
    case 'ENFILE':
      return 'för många filer är öppna';
    case 'EISDIR':
      return 'sökvägen pekar på en mapp, inte en fil';
    default: {
      const code = errorCode(err);
      return code ? `ett oväntat fel uppstod (${code})` : 'ett oväntat fel uppstod';
    }
  }
}
