// What runs beside requests for instruction: correction reminders before their reply date and the daily
// digest of instructors who chose it. Both are idempotent and claim their rows, so every instance runs them.
import type { PrismaClient } from "~/generated/prisma/client";

import { sendCorrectionReminders } from "./instruction.server";
import { sendDailyDigests } from "./staff-notifications.server";

export async function runInstructionJobs(db: PrismaClient, input: { appUrl: string; now?: Date }) {
  const now = input.now ?? new Date();
  const reminders = await sendCorrectionReminders(db, { now, appUrl: input.appUrl });
  const digests = await sendDailyDigests(db, now);
  return { reminders, digests };
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
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    inFlight = runInstructionJobs(db, { appUrl }).catch(onError);
    inFlight.finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
