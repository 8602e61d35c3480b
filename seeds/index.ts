// `npm run db:seed` (and `npm start`): reference data, then demo data, then the demo accounts to sign in
// with. Idempotent: run it as often as you like. SEED_DEMO=false seeds the reference data only.
import { closeDatabase, db, databaseKind } from "../app/db.server";
import { env } from "../app/env.server";
import { createStorage } from "../app/services/platform/storage.server";

import { seedDemo, type DemoAccount } from "./demo";
import { seedReference } from "./reference";

// Importing app/db.server opens the app’s database (DATABASE_URL, or PGlite in ./data/pglite) through
// openDatabase(); the seed uses that handle rather than opening a second one, which on PGlite would be a
// second instance writing the same directory.
const ROLE_LABELS: Record<DemoAccount["role"], string> = {
  APPLICANT: "Porteur de projet",
  INSTRUCTOR: "Instructeur",
  FUNDER: "Financeur",
  ADMIN: "Administrateur",
};

function printAccounts(accounts: readonly DemoAccount[]): void {
  const rows = [
    ["Rôle", "Adresse électronique", "Mot de passe", "Clé TOTP (base32)", "Profil"],
    ...accounts.map((account) => [
      ROLE_LABELS[account.role],
      account.email,
      account.password,
      account.totpSecret ?? "—",
      account.description,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  console.log("\nComptes de démonstration (données de démonstration uniquement)\u00a0:\n");
  console.log(line(rows[0]!));
  console.log(line(widths.map((width) => "─".repeat(width))));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    "\nLes comptes du personnel demandent aussi, après le mot de passe, le code à six chiffres d’une application\nd’authentification (FreeOTP, Aegis…) à laquelle vous aurez ajouté leur clé TOTP.",
  );
  console.log("");
}

async function main(): Promise<void> {
  const started = Date.now();
  await seedReference(db);
  // Demo accounts have published passwords: off by default in production, where only SEED_DEMO=true
  // (a staging copy, say) adds them.
  const { production, SEED_DEMO, APP_URL } = env();
  const withDemo = SEED_DEMO ?? !production;
  // The demo dossiers' pieces and receipts go where the portal will read them (STORAGE_DIR or S3_BUCKET).
  const accounts = withDemo ? await seedDemo(db, createStorage(), { appUrl: APP_URL }) : [];
  console.log(
    `Base ${databaseKind()} initialisée (référentiels${withDemo ? " et démonstration" : ""}) en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (accounts.length > 0) {
    if (production) {
      console.warn(
        "Attention\u00a0: des comptes de démonstration aux mots de passe publics existent en production. Relancez avec SEED_DEMO=false.",
      );
    }
    printAccounts(accounts);
  }
}

try {
  await main();
} finally {
  // PGlite must be closed, or its last writes may be lost.
  await closeDatabase();
}
