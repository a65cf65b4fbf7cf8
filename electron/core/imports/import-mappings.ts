/**
 * Column choices remembered per header signature, in the document's `settings` (so they follow the register
 * file to another computer). The signature is the sheet's headers folded as `foldHeader` folds them, in order:
 * the next file with the same columns gets the same choices back, one with other columns a fresh suggestion.
 *
 * Stored under `settings.importMappings` as `{ [signature]: { mapping, savedAt } }`, at most 50 entries
 * (the oldest is dropped). Anything malformed there (a hand-edited file) is ignored, never trusted.
 */
import { z } from 'zod';
import { foldHeader, suggestMapping } from './column-mapping';
import { importFieldKeys, importFields } from './import-fields';
import type { ImportMapping } from './import-plan';
import type { MappingProposal } from '../../contract/model/imports';

export type { MappingProposal } from '../../contract/model/imports';

export const IMPORT_MAPPINGS_KEY = 'importMappings';
export const MAX_REMEMBERED_MAPPINGS = 50;

const rememberedSchema = z.record(
  z.string().max(4000),
  z.object({
    mapping: z.record(z.string(), z.number().int().min(0).max(10_000)),
    savedAt: z.string().max(40),
  }),
);
type Remembered = z.infer<typeof rememberedSchema>;

export function headerSignature(header: readonly string[]): string {
  return header
    .map(foldHeader)
    .join('|')
    .slice(0, 4000);
}

function rememberedIn(settings: Readonly<Record<string, unknown>>): Remembered {
  const parsed = rememberedSchema.safeParse(settings[IMPORT_MAPPINGS_KEY]);
  return parsed.success ? parsed.data : {};
}

/** Keeps only known fields and columns the header has. */
function cleanMapping(mapping: Record<string, number>, width: number): ImportMapping {
  const clean: ImportMapping = {};
  for (const key of importFieldKeys) {
    const column = mapping[key];
    if (column !== undefined && column < width) clean[key] = column;
  }
  return clean;
}

export function proposeMapping(header: readonly string[], settings: Readonly<Record<string, unknown>>): MappingProposal {
  const remembered = rememberedIn(settings)[headerSignature(header)];
  if (remembered) {
    const mapping = cleanMapping(remembered.mapping, header.length);
    return {
      mapping,
      source: 'remembered',
      confidence: Object.fromEntries(Object.keys(mapping).map((k) => [k, 'remembered'])) as MappingProposal['confidence'],
    };
  }
  const suggestion = suggestMapping(header, importFields);
  return {
    mapping: cleanMapping(suggestion.mapping, header.length),
    source: 'suggested',
    confidence: Object.fromEntries(suggestion.matches.map((m) => [m.field, m.confidence])) as MappingProposal['confidence'],
  };
}

/** The settings value with `mapping` remembered for `header` (newest kept, oldest dropped past the limit). */
export function rememberMapping(settings: Readonly<Record<string, unknown>>, header: readonly string[], mapping: ImportMapping, savedAt: string): Remembered {
  const all = { ...rememberedIn(settings) };
  const clean = Object.fromEntries(Object.entries(cleanMapping(mapping as Record<string, number>, header.length))) as Record<string, number>;
  all[headerSignature(header)] = { mapping: clean, savedAt };
  const entries = Object.entries(all).sort((a, b) => b[1].savedAt.localeCompare(a[1].savedAt));
  return Object.fromEntries(entries.slice(0, MAX_REMEMBERED_MAPPINGS));
}
