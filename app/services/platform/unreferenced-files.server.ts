// Files stored for a change whose transaction failed — or seemed to: when the connection drops after
// PostgreSQL committed but before the portal heard back, the change is there and its files are in use. A file
// is therefore deleted only once a query confirms that no row names it; if that query fails too (the database
// is still away), the file stays: an orphan costs disk space, a dangling reference loses a document.
import type { PrismaClient } from "~/generated/prisma/client";

import type { FileStorage } from "./storage.server";

type Reader = Pick<PrismaClient, "attachment" | "generatedDocument">;

/** Deletes those of `keys` no attachment or issued document names; keeps them all when it cannot tell. */
export async function deleteUnreferencedFiles(
  db: Reader,
  storage: Pick<FileStorage, "delete">,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  let used: Set<string>;
  try {
    const where = { storageKey: { in: [...keys] } };
    const select = { storageKey: true } as const;
    const [attachments, documents] = await Promise.all([
      db.attachment.findMany({ where, select }),
      db.generatedDocument.findMany({ where, select }),
    ]);
    used = new Set([...attachments, ...documents].map((row) => row.storageKey));
  } catch {
    return;
  }
  // Deleting a file that was never written (its `put` failed) is no error.
  await Promise.all(
    keys.filter((key) => !used.has(key)).map((key) => storage.delete(key).catch(() => undefined)),
  );
}
