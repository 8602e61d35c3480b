// Dossier numbers: `<PREFIX>-<YEAR>-<SEQUENCE>`, e.g. CAPASSO-2026-00042. The sequence restarts each year
// per scheme prefix and is padded to five digits; beyond 99 999 it simply grows longer.

export interface DossierNumberParts {
  prefix: string;
  year: number;
  sequence: number;
}

const PREFIX = /^[A-Z][A-Z0-9]*$/;
const NUMBER = /^([A-Z][A-Z0-9]*)-(\d{4})-(\d{5,})$/;
const SEQUENCE_DIGITS = 5;

export function formatDossierNumber(prefix: string, year: number, sequence: number): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`Invalid dossier number prefix: ${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence: ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, "0")}`;
}

/** Reads a number typed or pasted by a user (case and surrounding spaces ignored); null if malformed. */
export function parseDossierNumber(value: string): DossierNumberParts | null {
  const match = NUMBER.exec(value.trim().toUpperCase());
  if (!match) return null;
  const [, prefix, year, sequence] = match;
  const parts = { prefix: prefix!, year: Number(year), sequence: Number(sequence) };
  // Reject zero and padding beyond what formatDossierNumber writes (e.g. 000042), so one dossier has one spelling.
  if (parts.sequence < 1 || !Number.isSafeInteger(parts.sequence)) return null;
  if (formatDossierNumber(parts.prefix, parts.year, parts.sequence) !== `${prefix}-${year}-${sequence}`)
    return null;
  return parts;
}
