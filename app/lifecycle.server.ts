import { closeDatabase } from "~/db.server";

const stops: Array<() => Promise<void>> = [];

/** Starts what runs beside requests (the email outbox worker). Called once by server.mjs. */
export async function startBackgroundWork(): Promise<void> {
  // Workers register their stop functions here as they are added.
}

/** Graceful shutdown: stop workers, then close the database (PGlite must be closed cleanly). */
export async function stopBackgroundWork(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop();
  await closeDatabase();
}

export function onShutdown(stop: () => Promise<void>) {
  stops.push(stop);
}
