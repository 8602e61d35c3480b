import { closeDatabase, db } from "~/db.server";
import { appUrl, env } from "~/env.server";
import { createTransport } from "~/services/platform/mailer.server";
import { startInstructionJobs } from "~/services/platform/periodic-jobs.server";
import { startOutboxWorker } from "~/services/platform/outbox.server";
import { storage } from "~/storage.server";

const stops: Array<() => Promise<void>> = [];

/**
 * Starts what runs beside requests: the email outbox worker, and the instruction jobs (correction reminders,
 * daily digests, retention). Called once by server.mjs.
 */
export async function startBackgroundWork(): Promise<void> {
  const config = env();
  if (config.outboxWorker) {
    const worker = startOutboxWorker({ db, transport: createTransport(), storage: storage() });
    onShutdown(worker.stop);
  }
  if (config.instructionJobs) {
    const jobs = startInstructionJobs({ db, storage: storage(), appUrl: appUrl() });
    onShutdown(jobs.stop);
  }
}

/** Graceful shutdown: stop workers, then close the database (PGlite must be closed cleanly). */
export async function stopBackgroundWork(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop();
  await closeDatabase();
}

export function onShutdown(stop: () => Promise<void>) {
  stops.push(stop);
}
