// Dates written as French people read them (wall-clock time in Europe/Paris), stored as the UTC instant
// they denote whatever the machine’s time zone; used by the seeds and by the dossier numbers.

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function wallClockAsUtc(instant: Date): number {
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** `paris("2026-03-20T09:30")` is 20 March 2026, 09:30 in Paris (08:30 UTC). */
export function paris(localDateTime: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(localDateTime);
  if (!match) throw new Error(`Not a local date-time: ${localDateTime}`);
  const [, year, month, day, hour = "00", minute = "00", second = "00"] = match;
  const asUtc = Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second);
  // The offset at the guessed instant is right except within an hour of a DST change; a second pass fixes it.
  let instant = asUtc - (wallClockAsUtc(new Date(asUtc)) - asUtc);
  instant = asUtc - (wallClockAsUtc(new Date(instant)) - instant);
  return new Date(instant);
}

/** The calendar year of an instant in Paris (a dossier filed on 31 December at 23:30 belongs to that year). */
export function parisYear(instant: Date): number {
  return new Date(wallClockAsUtc(instant)).getUTCFullYear();
}

/** `months` calendar months after `instant` (same day of month). */
export function addMonths(instant: Date, months: number): Date {
  const result = new Date(instant);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
