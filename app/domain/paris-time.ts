// Dates written as French people read them (wall-clock time in Europe/Paris), stored as the UTC instant
// they denote whatever the machine’s time zone: the one place the portal does Paris calendar arithmetic
// (dossier numbers, reply dates, Commission days, schedules, digests, seeds).

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

/** The Paris wall-clock reading of an instant, field by field. */
export function parisParts(instant: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const parts = Object.fromEntries(
    PARTS.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/** `2026-12-15`: the Paris calendar day of an instant (reply dates, Commission days, file names). */
export function parisDay(instant: Date): string {
  const { year, month, day } = parisParts(instant);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `months` calendar months after `date` in Paris, the day clamped to the end of a shorter month. */
export function addParisMonths(date: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const parts = parisParts(date);
  const monthIndex = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(parts.day, daysInMonth);
  return paris(
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`,
  );
}

/** The same wall-clock time `days` calendar days later (earlier when negative) in Paris. */
export function addParisDays(date: Date, days: number): Date {
  const parts = parisParts(date);
  const shifted = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return paris(
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`,
  );
}
