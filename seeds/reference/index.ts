// Reference data every installation needs: departments, schemes with their rule-set version 1 and
// continuous calls (2026, this year and next), CRST territories, funder organisations, Commission
// Permanente sessions. Idempotent: rows are keyed on natural keys and only created when missing, so an
// admin’s later edits are kept.
import type { PrismaClient } from "../../app/generated/prisma/client";

import { seedCommissionSessions } from "./commission-sessions";
import { seedDepartments } from "./departments";
import { seedFunderOrganisations } from "./funders";
import { seedSchemes } from "./schemes";
import { seedTerritories } from "./territories";

export async function seedReference(db: PrismaClient, now = new Date()): Promise<void> {
  await seedDepartments(db);
  await seedTerritories(db);
  await seedSchemes(db, now);
  await seedFunderOrganisations(db);
  await seedCommissionSessions(db, now);
}
