// Gives each filed dossier its number. The counter row is created and incremented by one atomic
// statement, so two filings at the same instant, on one instance or several, never share a number, and a
// transaction that rolls back gives its number back (no gap is left by a failed filing).
import { formatDossierNumber } from "~/domain/dossier-number";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

/** The app's client or an interactive transaction: call it inside the transaction that files the dossier. */
export type DossierNumberDb = Pick<PrismaClient | Prisma.TransactionClient, "$queryRaw">;

export async function nextDossierNumber(tx: DossierNumberDb, prefix: string, year: number): Promise<string> {
  // Validates prefix and year before they reach the database.
  formatDossierNumber(prefix, year, 1);
  const rows = await tx.$queryRaw<Array<{ lastValue: number }>>`
    INSERT INTO "DossierNumberCounter" ("prefix", "year", "lastValue")
    VALUES (${prefix}, ${year}::integer, 1)
    ON CONFLICT ("prefix", "year") DO UPDATE SET "lastValue" = "DossierNumberCounter"."lastValue" + 1
    RETURNING "lastValue"`;
  const sequence = rows[0]?.lastValue;
  if (sequence === undefined) throw new Error("The dossier number counter returned no value");
  return formatDossierNumber(prefix, year, Number(sequence));
}
