// What runs beside requests for instruction: correction reminders before their reply date and the daily
// digest of instructors who chose it. Both are idempotent and claim their rows, so every instance runs them.
import type { PrismaClient } from "~/generated/prisma/client";

import { sendWeeklyFunderDigests } from "./funder-digest.server";
import { sendCorrectionReminders } from "./instruction.server";
import { startRepeatingTask } from "./repeating-task.server";
import { sendDailyDigests } from "./staff-notifications.server";

export async function runInstructionJobs(db: PrismaClient, input: { appUrl: string; now?: Date }) {
  const now = input.now ?? new Date();
  const reminders = await sendCorrectionReminders(db, { now, appUrl: input.appUrl });
  const digests = await sendDailyDigests(db, now);
  const funderDigests = await sendWeeklyFunderDigests(db, { now, appUrl: input.appUrl });
  return { reminders, digests, funderDigests };
}

/** Runs the jobs now, then every `intervalMs` (ten minutes by default); `stop()` waits for the run in flight. */
export function startInstructionJobs({
  db,
  appUrl,
  intervalMs = 10 * 60_000,
  onError = (error: unknown) => console.error("Rappels et récapitulatifs impossibles :", error),
}: {
  db: PrismaClient;
  appUrl: string;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): { stop(): Promise<void> } {
  return startRepeatingTask(() => runInstructionJobs(db, { appUrl }), { intervalMs, onError });
}
