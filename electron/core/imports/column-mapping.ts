/**
 * Suggests which column of an imported file fills which field, from the headers. Headers are compared
 * folded: case, spaces, punctuation and diacritics ignored (`E-post`, `e post`, `EPOST` are one header), which is
 * safe for headers because they are chosen from a known list of words (unlike municipality names, where
 * `Habo` and `Håbo` are two places). The result is only a suggestion: the user confirms the mapping.
 *
 * Each column fills at most one field and each field takes at most one column. Exact matches (the folded header
 * equals the label or a synonym) win over partial ones (the folded header contains a synonym of at least four
 * letters, as `E-postadress arbete` contains `epost`); among equals, the leftmost column wins.
 */

export type ImportField = {
  key: string;
  /** The field's name on screen. */
  label: string;
  /** Other headers that mean the same. */
  synonyms: readonly string[];
};

export type MappingMatch = { field: string; column: number; header: string; confidence: 'exact' | 'partial' };

export type MappingSuggestion = {
  /** Field key -> 0-based column index, for the fields a column was found for. */
  mapping: Record<string, number>;
  matches: MappingMatch[];
  /** 0-based indexes of columns no field took. */
  unmappedColumns: number[];
  /** Keys of fields no column was found for. */
  unmappedFields: string[];
};

/** Lower case, no diacritics, letters and digits only: for headers, never for names of places. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The fields an organisation or contact import usually has, with the headers Swedish files use for them. */
export const commonImportFields = {
  municipalityCode: { key: 'municipalityCode', label: 'Kommunkod', synonyms: ['Kommunnummer', 'Kommunnr', 'Kommun-nr', 'Kommunkod SCB', 'Kod', 'Lkf'] },
  organisation: {
    key: 'organisation',
    label: 'Organisation',
    synonyms: ['Kommun', 'Kommunnamn', 'Organisationsnamn', 'Medlem', 'Medlemsorganisation', 'Myndighet', 'Region', 'Kommunalförbund'],
  },
  orgNumber: { key: 'orgNumber', label: 'Organisationsnummer', synonyms: ['Org.nr', 'Orgnr', 'Org nr', 'Org.nummer', 'Organisationsnr', 'Org-nr'] },
  name: { key: 'name', label: 'Namn', synonyms: ['Kontaktperson', 'Kontakt', 'Person', 'För- och efternamn', 'Fullständigt namn'] },
  title: { key: 'title', label: 'Titel', synonyms: ['Befattning', 'Roll', 'Yrkestitel', 'Tjänst'] },
  email: { key: 'email', label: 'E-post', synonyms: ['Epost', 'E-postadress', 'Epostadress', 'Mejl', 'Mejladress', 'Mail', 'E-mail', 'Email'] },
  phone: { key: 'phone', label: 'Telefon', synonyms: ['Telefonnummer', 'Tel', 'Tel.nr', 'Telnr', 'Mobil', 'Mobilnummer', 'Mobiltelefon', 'Mobilnr'] },
  businessArea: { key: 'businessArea', label: 'Verksamhetsområde', synonyms: ['Område', 'Verksamhet', 'Förvaltning'] },
  joined: { key: 'joined', label: 'Medlem sedan', synonyms: ['Inträde', 'Inträdesdatum', 'Startdatum', 'Från'] },
  note: { key: 'note', label: 'Anteckning', synonyms: ['Kommentar', 'Notering', 'Övrigt', 'Anmärkning'] },
} satisfies Record<string, ImportField>;

const PARTIAL_MIN = 4;

export function suggestMapping(headers: readonly string[], fields: readonly ImportField[]): MappingSuggestion {
  const folded = headers.map(foldHeader);
  const words = fields.map((f) => [f.label, ...f.synonyms].map(foldHeader).filter((w) => w !== ''));

  type Candidate = { field: number; column: number; rank: number };
  const candidates: Candidate[] = [];
  fields.forEach((_, f) => {
    folded.forEach((header, column) => {
      if (header === '') return;
      const fieldWords = words[f] ?? [];
      if (fieldWords.includes(header)) candidates.push({ field: f, column, rank: 0 });
      else if (fieldWords.some((w) => w.length >= PARTIAL_MIN && header.includes(w))) candidates.push({ field: f, column, rank: 1 });
    });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column || a.field - b.field);

  const takenFields = new Set<number>();
  const takenColumns = new Set<number>();
  const matches: MappingMatch[] = [];
  for (const c of candidates) {
    if (takenFields.has(c.field) || takenColumns.has(c.column)) continue;
    const field = fields[c.field];
    if (!field) continue;
    takenFields.add(c.field);
    takenColumns.add(c.column);
    matches.push({ field: field.key, column: c.column, header: headers[c.column] ?? '', confidence: c.rank === 0 ? 'exact' : 'partial' });
  }
  matches.sort((a, b) => a.column - b.column);
  return {
    mapping: Object.fromEntries(matches.map((m) => [m.field, m.column])),
    matches,
    unmappedColumns: headers.map((_, i) => i).filter((i) => !takenColumns.has(i)),
    unmappedFields: fields.filter((_, i) => !takenFields.has(i)).map((f) => f.key),
  };
}
