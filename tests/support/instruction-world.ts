// A world for instruction tests: a fresh database with the reference data, a storage folder, Region staff
// (two instructors with the whole region, one with Eure-et-Loir only, an admin), and demo dossiers filed
// for real as applicants file them (every step saved, every piece uploaded, fileDossier).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "vitest";

import { dossierSteps, type RawAnswers } from "~/domain/dossier-forms";
import type { PrismaClient } from "~/generated/prisma/client";
import { MembershipRole, UserRole } from "~/generated/prisma/enums";
import { uploadAttachment } from "~/services/applicant/attachments.server";
import { formContext, startDossier } from "~/services/applicant/dossiers.server";
import { saveStep } from "~/services/applicant/dossier-steps.server";
import { fileDossier } from "~/services/applicant/filing.server";
import { type StaffActor } from "~/services/instruction/access.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import type { DemoDossier } from "../../seeds/demo/dossier-writer";
import { demoSiret } from "../../seeds/demo/identifiers";
import { DEMO_ORGANISATIONS } from "../../seeds/demo/organisations";
import { seedReference } from "../../seeds/reference";

import { createTestDatabase, type DatabaseKind, type TestDatabase } from "./database";
import { SAMPLE_FILES } from "./files";

export const APP_URL = "https://portail.example.fr";
export const DAY = 86_400_000;

export interface World {
  database: TestDatabase;
  db: PrismaClient;
  storage: LocalFileStorage;
  root: string;
  instructor: StaffActor & { email: string };
  colleague: StaffActor & { email: string };
  outsider: StaffActor;
  admin: StaffActor;
}

let people = 0;
export async function createUser(db: PrismaClient, firstName: string, lastName: string, role: UserRole) {
  people += 1;
  return db.user.create({
    data: { email: `personne${people}@example.fr`, passwordHash: "-", firstName, lastName, role },
  });
}

export async function createWorld(kind: DatabaseKind): Promise<World> {
  const database = await createTestDatabase(kind);
  const { db } = database;
  await seedReference(db);
  const root = await mkdtemp(path.join(tmpdir(), "portail-instruction-"));
  const staff = async (firstName: string, lastName: string, departmentCodes: string[] = []) => {
    const user = await createUser(db, firstName, lastName, UserRole.INSTRUCTOR);
    await db.instructorScope.create({
      data: { userId: user.id, schemes: [], departmentCodes, territoryCodes: [] },
    });
    return { id: user.id, role: user.role, email: user.email };
  };
  const admin = await createUser(db, "Alix", "Bernard", UserRole.ADMIN);
  return {
    database,
    db,
    storage: new LocalFileStorage(root),
    root,
    instructor: await staff("Inès", "Moreau"),
    colleague: await staff("Hugo", "Lefèvre"),
    // Eure-et-Loir only: none of the dossiers below is there.
    outsider: await staff("Jules", "Petit", ["28"]),
    admin: { id: admin.id, role: admin.role },
  };
}

/** Uploads every piece the dossier's rule set requires, as its applicant would: one genuine PDF each. */
export async function uploadRequiredPieces(world: World, userId: string, dossierId: string) {
  const { db, storage } = world;
  const { ruleSet } = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    include: { ruleSet: true },
  });
  for (const { kind } of (ruleSet.parameters as { requiredAttachments: Array<{ kind: string }> })
    .requiredAttachments) {
    await uploadAttachment(db, storage, {
      userId,
      dossierId,
      kind,
      fileName: `${kind.toLowerCase()}.pdf`,
      source: Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${kind} ${dossierId}\n`)]),
    });
  }
}

/**
 * A demo dossier ready to file: a fresh copy of its organisation (owner and member), every step saved and
 * every required piece uploaded.
 */
export async function prepareDemo(world: World, demo: DemoDossier) {
  const { db } = world;
  const owner = await createUser(db, "Camille", "Martin", UserRole.APPLICANT);
  const member = await createUser(db, "Noé", "Garnier", UserRole.APPLICANT);
  const {
    owner: _owner,
    members: _members,
    esusApprovalDate,
    ...fields
  } = DEMO_ORGANISATIONS[demo.organisation];
  const organisation = await db.organisation.create({
    data: {
      ...fields,
      // A fresh SIRET each time: several dossiers below come from the same demo organisation.
      siret: fields.siret ? demoSiret(String(70_000_000 + people), "0001") : null,
      esusApproved: Boolean(esusApprovalDate),
      esusApprovalDate: esusApprovalDate ?? null,
    },
  });
  await db.membership.createMany({
    data: [
      { userId: owner.id, organisationId: organisation.id, role: MembershipRole.OWNER },
      { userId: member.id, organisationId: organisation.id, role: MembershipRole.MEMBER },
    ],
  });
  const { id } = await startDossier(db, {
    userId: owner.id,
    organisationId: organisation.id,
    schemeCode: demo.scheme,
  });
  await saveAll(world, owner.id, id, demo.answers);
  await uploadRequiredPieces(world, owner.id, id);
  return { id, owner, member, schemeCode: demo.scheme };
}

/** A demo dossier filed for real: its organisation, two members, every step saved, every piece uploaded. */
export async function fileDemo(world: World, demo: DemoDossier) {
  const prepared = await prepareDemo(world, demo);
  const { number } = await fileDossier(world.db, world.storage, {
    userId: prepared.owner.id,
    dossierId: prepared.id,
    appUrl: APP_URL,
  });
  return { ...prepared, number };
}

/** Saves every step of the dossier with `answers`, as the applicant's browser posts them. */
export async function saveAll(world: World, userId: string, dossierId: string, answers: RawAnswers) {
  const { db } = world;
  const dossier = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    include: { ruleSet: true },
  });
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  let revision = dossier.revision;
  for (const step of dossierSteps(dossier.schemeCode, context)) {
    const saved = await saveStep(db, { userId, dossierId, stepId: step.id, values: answers, revision });
    if (!saved.ok) throw new Error(`Conflit à l’étape ${step.id}`);
    expect(saved.errors).toEqual({});
    revision = saved.revision;
  }
}
