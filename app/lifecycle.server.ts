import { closeDatabase, db } from "~/db.server";
import { createTransport } from "~/services/mailer.server";
import { startOutboxWorker } from "~/services/outbox.server";
import { storage } from "~/storage.server";

const stops: Array<() => Promise<void>> = [];

/** Starts what runs beside requests (the email outbox worker). Called once by server.mjs. */
export async function startBackgroundWork(): Promise<void> {
  if (process.env.OUTBOX_WORKER !== "0") {
    const worker = startOutboxWorker({ db, transport: createTransport(), storage: storage() });
    onShutdown(worker.stop);
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
