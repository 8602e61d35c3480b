import type { PrismaClient } from "../../app/generated/prisma/client";

/** The six departments of Centre-Val de Loire (INSEE codes). */
export const DEPARTMENTS = [
  { code: "18", name: "Cher" },
  { code: "28", name: "Eure-et-Loir" },
  { code: "36", name: "Indre" },
  { code: "37", name: "Indre-et-Loire" },
  { code: "41", name: "Loir-et-Cher" },
  { code: "45", name: "Loiret" },
] as const;

export async function seedDepartments(db: PrismaClient): Promise<void> {
  for (const department of DEPARTMENTS) {
    // Reference rows are created when missing and never overwritten: an admin’s later edit wins.
    await db.department.upsert({
      where: { code: department.code },
      create: { ...department, inRegion: true },
      update: {},
    });
  }
}
