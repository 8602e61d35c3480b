// The equity advance after its payment: what the association owes, instalment by instalment, once the
// repayments received are allocated to the oldest instalments first; what is late and by how many days; and
// the schedules that replace the remaining instalments after an early repayment or a granted rescheduling.
// Pure: amounts in integer cents, dates as instants (days counted in Paris by the callers' dates).
import { addParisMonths, parisDay } from "~/domain/paris-time";

/**
 * The rescheduling form's file field (the EU paying agency's evidence) and the kind of piece it is stored as;
 * here, not in the service, because the page's form names its field with it in the browser too.
 */
export const EVIDENCE_FIELD = "evidence";
export const EVIDENCE_KIND = "EU_PAYMENT_DELAY";

export interface RepaymentInstalment {
  position: number;
  dueDate: Date;
  amountCents: number;
}

export interface RepaymentReceived {
  receivedOn: Date;
  amountCents: number;
}

export type InstalmentState = "PAID" | "PARTLY_PAID" | "DUE" | "LATE";

export interface AllocatedInstalment extends RepaymentInstalment {
  paidCents: number;
  remainingCents: number;
  /** When the repayments received covered it entirely. */
  paidOn: Date | null;
  state: InstalmentState;
  /** Whole days since its due date while something of it is unpaid (0 otherwise). */
  daysLate: number;
}

export interface RepaymentPosition {
  instalments: AllocatedInstalment[];
  totalCents: number;
  repaidCents: number;
  /** What is left to repay, instalments not yet due included. */
  outstandingCents: number;
  /** What was due by now and is unpaid (the arrears). */
  lateCents: number;
  /** The age of the arrears: days since the oldest unpaid due date (0 when nothing is late). */
  oldestLateDays: number;
  /** The next instalment not entirely paid, late or not. */
  next: AllocatedInstalment | null;
  /** Received above everything owed (to be refunded, never allocated). */
  creditCents: number;
}

const DAY_MS = 86_400_000;

/** Whole calendar days in Paris from `from`'s day to `to`'s day. */
function parisDaysBetween(from: Date, to: Date): number {
  return (Date.parse(`${parisDay(to)}T00:00Z`) - Date.parse(`${parisDay(from)}T00:00Z`)) / DAY_MS;
}

function requireCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what}: not a number of cents: ${value}`);
}

/**
 * Allocates the repayments received (in the order received) to the oldest instalments first, partial and
 * grouped repayments alike, and states where the advance stands on `now`.
 */
export function repaymentPosition(
  schedule: readonly RepaymentInstalment[],
  repayments: readonly RepaymentReceived[],
  now: Date,
): RepaymentPosition {
  const instalments = [...schedule].sort((a, b) => a.position - b.position);
  instalments.forEach((instalment) => requireCents(instalment.amountCents, "Instalment"));
  repayments.forEach((repayment) => requireCents(repayment.amountCents, "Repayment"));
  const received = [...repayments].sort((a, b) => a.receivedOn.getTime() - b.receivedOn.getTime());

  const paid = instalments.map(() => 0);
  const paidOn: (Date | null)[] = instalments.map(() => null);
  let credit = 0;
  let cursor = 0;
  for (const repayment of received) {
    let left = repayment.amountCents;
    while (left > 0 && cursor < instalments.length) {
      const room = instalments[cursor]!.amountCents - paid[cursor]!;
      const take = Math.min(room, left);
      paid[cursor] = paid[cursor]! + take;
      left -= take;
      if (paid[cursor] === instalments[cursor]!.amountCents) {
        paidOn[cursor] = repayment.receivedOn;
        cursor += 1;
      }
    }
    credit += left;
  }
  // An instalment of zero is paid as soon as those before it are.
  for (let index = 0; index < instalments.length; index += 1) {
    if (instalments[index]!.amountCents === 0 && paidOn[index] === null && (index === 0 || paidOn[index - 1]))
      paidOn[index] = index === 0 ? instalments[0]!.dueDate : paidOn[index - 1]!;
  }

  const allocated = instalments.map((instalment, index): AllocatedInstalment => {
    const remainingCents = instalment.amountCents - paid[index]!;
    const due = instalment.dueDate.getTime() <= now.getTime();
    // Calendar days in Paris, as the letters and the reminders count them: due on the 29th, read on the
    // 8th of the second month after at any hour, 40 days late.
    const daysLate = remainingCents > 0 && due ? parisDaysBetween(instalment.dueDate, now) : 0;
    const state: InstalmentState =
      remainingCents === 0 ? "PAID" : due && daysLate > 0 ? "LATE" : paid[index]! > 0 ? "PARTLY_PAID" : "DUE";
    return {
      ...instalment,
      paidCents: paid[index]!,
      remainingCents,
      paidOn: paidOn[index]!,
      state,
      daysLate,
    };
  });
  const totalCents = instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0);
  const repaidCents = paid.reduce((sum, cents) => sum + cents, 0);
  const late = allocated.filter((instalment) => instalment.state === "LATE");
  return {
    instalments: allocated,
    totalCents,
    repaidCents,
    outstandingCents: totalCents - repaidCents,
    lateCents: late.reduce((sum, instalment) => sum + instalment.remainingCents, 0),
    oldestLateDays: late[0]?.daysLate ?? 0,
    next: allocated.find((instalment) => instalment.remainingCents > 0) ?? null,
    creditCents: credit,
  };
}

/** `amountCents` in `count` equal instalments, the rounding remainder on the last. */
export function splitEvenly(amountCents: number, count: number): number[] {
  requireCents(amountCents, "Amount");
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count: at least one instalment: ${count}`);
  const base = Math.floor(amountCents / count);
  return Array.from({ length: count }, (_, index) =>
    index === count - 1 ? amountCents - base * (count - 1) : base,
  );
}

/**
 * After an early repayment: the instalments still to come keep their dates and share what is left to repay
 * evenly; an instalment the early repayment covered disappears. Instalments already due keep what remains of
 * them. The result's amounts sum to the outstanding balance, to the cent.
 */
export function scheduleAfterEarlyRepayment(position: RepaymentPosition, now: Date): RepaymentInstalment[] {
  const open = position.instalments.filter((instalment) => instalment.remainingCents > 0);
  const due = open.filter((instalment) => instalment.dueDate.getTime() <= now.getTime());
  const future = open.filter((instalment) => instalment.dueDate.getTime() > now.getTime());
  const dueCents = due.reduce((sum, instalment) => sum + instalment.remainingCents, 0);
  const rest = position.outstandingCents - dueCents;
  const kept = due.map((instalment) => ({
    dueDate: instalment.dueDate,
    amountCents: instalment.remainingCents,
  }));
  if (rest === 0 || future.length === 0) return numbered(kept);
  // As many instalments as the money left fills at the former instalment's size, at their former dates.
  const size = Math.max(1, Math.max(...future.map((instalment) => instalment.amountCents)));
  const count = Math.min(future.length, Math.max(1, Math.ceil(rest / size)));
  const dates = future.slice(0, count).map((instalment) => instalment.dueDate);
  return numbered([
    ...kept,
    ...splitEvenly(rest, count).map((amountCents, index) => ({ dueDate: dates[index]!, amountCents })),
  ]);
}

export interface ReschedulingRequest {
  /** When the advance was paid: every duration counts from it. */
  paidOn: Date;
  outstandingCents: number;
  /** The new first due date. */
  firstDueDate: Date;
  frequencyMonths: number;
  count: number;
  /** The rule set's ceiling for a rescheduled advance, from its payment (default 48 months). */
  maxDurationMonths: number;
}

export type ReschedulingResult =
  { ok: true; instalments: RepaymentInstalment[] } | { ok: false; error: string };

/** A new schedule for what is left to repay, refused in French when it ends past the ceiling. */
export function rescheduledInstalments(request: ReschedulingRequest): ReschedulingResult {
  const { paidOn, outstandingCents, firstDueDate, frequencyMonths, count, maxDurationMonths } = request;
  if (!Number.isInteger(count) || count < 1) return { ok: false, error: "Indiquez au moins une échéance." };
  if (![1, 3, 6, 12].includes(frequencyMonths))
    return {
      ok: false,
      error: "Choisissez une périodicité mensuelle, trimestrielle, semestrielle ou annuelle.",
    };
  if (firstDueDate.getTime() <= paidOn.getTime())
    return { ok: false, error: "La première échéance doit suivre le versement de l’avance." };
  const dates = Array.from({ length: count }, (_, index) =>
    addParisMonths(firstDueDate, frequencyMonths * index),
  );
  const limit = addParisMonths(paidOn, maxDurationMonths);
  if (dates[dates.length - 1]!.getTime() > limit.getTime())
    return {
      ok: false,
      error: `Le nouvel échéancier dépasserait la durée maximale de ${maxDurationMonths}\u00a0mois à compter du versement de l’avance.`,
    };
  return {
    ok: true,
    instalments: numbered(
      splitEvenly(outstandingCents, count).map((amountCents, index) => ({
        dueDate: dates[index]!,
        amountCents,
      })),
    ),
  };
}

function numbered(items: readonly { dueDate: Date; amountCents: number }[]): RepaymentInstalment[] {
  return items.map((item, index) => ({
    position: index + 1,
    dueDate: item.dueDate,
    amountCents: item.amountCents,
  }));
}

/** Days before an instalment when its first reminder goes, and after it when the formal reminder goes. */
export const ADVANCE_REMINDER_DAYS_BEFORE = 15;
export const ADVANCE_FORMAL_REMINDER_DAYS_AFTER = 30;

export type AdvanceReminderKind = "BEFORE" | "ON_DAY" | "FORMAL";

/**
 * The reminder an unpaid instalment is due for on `now` (Paris calendar days): 15 days or less before it,
 * on the day, then the formal reminder from 30 days after; between the day and +30, none.
 */
export function advanceReminderKind(
  dueDay: string,
  today: string,
  daysLate: number,
): AdvanceReminderKind | null {
  if (today === dueDay) return "ON_DAY";
  if (today > dueDay) return daysLate >= ADVANCE_FORMAL_REMINDER_DAYS_AFTER ? "FORMAL" : null;
  const until = (Date.parse(`${dueDay}T00:00Z`) - Date.parse(`${today}T00:00Z`)) / DAY_MS;
  return until <= ADVANCE_REMINDER_DAYS_BEFORE ? "BEFORE" : null;
}
