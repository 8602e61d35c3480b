// What runs beside requests: correction reminders before their reply date, financial report and equity-advance
// instalment reminders, the daily digest of instructors
// who chose it, the funders' weekly digest, the purge of day-old sign-in failures and sends counted by the
// rate limits, and retention (purge notices, then purges). All are idempotent
// and claim their rows, so every instance runs them.
import type { PrismaClient } from "~/generated/prisma/client";

import { purgeOldAttempts } from "~/services/accounts/rate-limit.server";
import { sendWeeklyFunderDigests } from "~/services/funders/digest.server";
import { sendCorrectionReminders } from "~/services/instruction/corrections.server";
import { sendAdvanceReminders } from "~/services/post-grant/advance-reminders.server";
import { sendReportReminders } from "~/services/post-grant/report-reminders.server";
import { startRepeatingTask } from "./repeating-task.server";
import { runRetention } from "~/services/admin/retention.server";
import { sendDailyDigests } from "~/services/instruction/staff-notifications.server";
import type { FileStorage } from "./storage.server";

export async function runInstructionJobs(
  db: PrismaClient,
  input: { appUrl: string; storage: FileStorage; now?: Date },
) {
  const now = input.now ?? new Date();
  const reminders = await sendCorrectionReminders(db, { now, appUrl: input.appUrl });
  const reportReminders = await sendReportReminders(db, { now, appUrl: input.appUrl });
  const advanceReminders = await sendAdvanceReminders(db, {
    now,
    appUrl: input.appUrl,
    storage: input.storage,
  });
  const digests = await sendDailyDigests(db, now, input.appUrl);
  const funderDigests = await sendWeeklyFunderDigests(db, { now, appUrl: input.appUrl });
  const attemptsPurged = await purgeOldAttempts(db, now);
  // Last: it deletes files, and a failure on one dossier is reported only after the others were done.
  const retention = await runRetention(db, input.storage, { now, appUrl: input.appUrl });
  return { reminders, reportReminders, advanceReminders, digests, funderDigests, attemptsPurged, retention };
}

/** Runs the jobs now, then every `intervalMs` (ten minutes by default); `stop()` waits for the run in flight. */
export function startInstructionJobs({
  db,
  storage,
  appUrl,
  intervalMs = 10 * 60_000,
  onError = (error: unknown) => console.error("Rappels, récapitulatifs et conservation impossibles :", error),
}: {
  db: PrismaClient;
  /** Where the files of purged dossiers are deleted from. */
  storage: FileStorage;
  appUrl: string;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): { stop(): Promise<void> } {
  return startRepeatingTask(() => runInstructionJobs(db, { appUrl, storage }), { intervalMs, onError });
}
