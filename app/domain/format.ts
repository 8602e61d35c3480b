// How amounts and dates are shown and typed: French conventions, Europe/Paris time.
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const date = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const time = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});

/** 1234500 → « 12 345,00 € » (with the narrow no-break spaces French typography uses). */
export function formatEuros(cents: number): string {
  return euros.format(cents / 100);
}

/** 1234500 → « 12 345,00 »: an amount as a form field shows it for the user to keep or change. */
export function formatEurosInput(cents: number): string {
  return formatEuros(cents).replace(/\s*€$/u, "");
}

const wholeEuros = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  maximumFractionDigits: 0,
});

/** 200000 → « 2 000 € »: a round amount as rules and hints state it. */
export function formatWholeEuros(cents: number): string {
  return wholeEuros.format(cents / 100);
}

/** « 22/11/2026 », in Europe/Paris. */
export function formatDate(value: Date | string): string {
  return date.format(new Date(value));
}

/** « 21:42 », in Europe/Paris. */
export function formatTime(value: Date | string): string {
  return time.format(new Date(value));
}

/** « 22/11/2026 à 14:05 », in Europe/Paris. */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} à ${time.format(new Date(value))}`;
}

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const dayParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  day: "numeric",
  month: "numeric",
  year: "numeric",
});

/** « 7 décembre 2026 », « 1er mars 2027 »: a date as French administrative letters write it, in Europe/Paris. */
export function formatDateInWords(value: Date | string): string {
  const parts = Object.fromEntries(
    dayParts.formatToParts(new Date(value)).map((part) => [part.type, Number(part.value)]),
  );
  const day = parts.day === 1 ? "1er" : String(parts.day);
  // No-break spaces: « 7 » never ends a line away from « décembre ».
  return `${day}\u00a0${MONTHS[parts.month! - 1]}\u00a0${parts.year}`;
}

export type ParsedAmount = { ok: true; cents: number } | { ok: false; error: string };

/** « 12 345,50 » (or 12345.50, 12 345 €) → 1234550 cents. */
export function parseEuros(input: string): ParsedAmount {
  const cleaned = input.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  if (cleaned === "") return { ok: false, error: "Saisissez un montant." };
  if (cleaned.startsWith("-")) return { ok: false, error: "Le montant ne peut pas être négatif." };
  const match = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(cleaned);
  if (!match) return { ok: false, error: "Saisissez un montant en euros, par exemple 12 345,50." };
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  if (!Number.isSafeInteger(cents) || cents > 2_147_483_647)
    return { ok: false, error: "Ce montant est trop élevé." };
  return { ok: true, cents };
}
