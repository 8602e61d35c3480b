// The instructor's page of a dossier, as its read model and its file downloads: an instructor in scope
// reads everything the applicant filed, the eligibility re-check, the pieces and notes; anyone else learns
// nothing (404 outside the scope, 403 for other roles); previous / next follow the queue's filter.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, SchemeCode, UserRole } from "~/generated/prisma/enums";
import { createGuards } from "~/services/accounts/guards.server";
import { createSession } from "~/services/accounts/sessions.server";
import { addNote } from "~/services/instruction/actions.server";
import { instructionDossierView } from "~/services/instruction/dossier.server";
import { openStaffAttachment, openStaffDocument } from "~/services/instruction/dossier-files.server";
import { LocalFileStorage } from "~/services/platform/storage.server";

import { seedDemo } from "../../seeds/demo";
import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";
import { asServed } from "../support/routes";

const NO_QUERY = new URLSearchParams();

/** What a refused read throws: the Response the route hands back to the browser. */
async function refusedStatus(promise: Promise<unknown>): Promise<number> {
  const thrown = await asServed(promise).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(thrown).toBeInstanceOf(Response);
  return (thrown as Response).status;
}

async function staffUser(db: PrismaClient, email: string, role: UserRole, schemes?: SchemeCode[]) {
  const user = await db.user.create({
    data: { email, passwordHash: "non-utilise-ici", firstName: "Alix", lastName: "Moreau", role },
  });
  if (schemes) await db.instructorScope.create({ data: { userId: user.id, schemes } });
  return { id: user.id, role };
}

describe.each(databaseKinds())("the instructor's dossier page on %s", (kind) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let root: string;
  let storage: LocalFileStorage;
  let instructor: { id: string; role: UserRole };
  let outsider: { id: string; role: UserRole };
  let capAsso: { id: string; number: string | null };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    root = await mkdtemp(path.join(tmpdir(), "instruction-dossier-"));
    storage = new LocalFileStorage(root);
    await seedReference(db);
    await seedDemo(db, storage);
    const demo = await db.user.findUniqueOrThrow({ where: { email: "instructeur@demo.portail-ess.fr" } });
    instructor = { id: demo.id, role: demo.role };
    outsider = await staffUser(db, "avosid@example.fr", UserRole.INSTRUCTOR, [SchemeCode.A_VOS_ID]);
    capAsso = await db.dossier.findFirstOrThrow({
      where: { schemeCode: SchemeCode.CAP_ASSO, status: DossierStatus.UNDER_INSTRUCTION },
      orderBy: { filedAt: "asc" },
      select: { id: true, number: true },
    });
  });

  afterAll(async () => {
    await database?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("shows an instructor in scope everything filed, the pieces, the eligibility and the notes", async () => {
    await addNote(db, {
      actor: instructor,
      dossierId: capAsso.id,
      body: "Appeler la présidente au sujet du cofinancement de l’ARS.",
    });
    const view = await instructionDossierView(db, instructor, capAsso.id, NO_QUERY);

    expect(view.dossier.number).toBe(capAsso.number);
    expect(view.dossier.ruleSetVersion).toBe(1);
    expect(view.dossier.requestedAmount).toMatch(/^\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/);
    expect(view.answers.sections.length).toBeGreaterThan(1);
    expect(view.answers.sections.flatMap((section) => section.items).length).toBeGreaterThan(3);
    expect(view.answers.budget.expenses.length).toBeGreaterThan(0);

    expect(view.pieces.length).toBeGreaterThan(0);
    const statutes = view.pieces.find((piece) => piece.label.startsWith("Statuts"));
    expect(statutes?.href).toBe(`/instruction/dossiers/${capAsso.id}/pieces/${statutes?.id}`);
    expect(statutes?.previewHref).toBe(`${statutes?.href}?apercu=1`);

    expect(view.eligibility.criteria.length).toBeGreaterThan(0);
    for (const criterion of view.eligibility.criteria) expect(criterion.explanation).not.toBe("");

    expect(view.notes[0]).toMatchObject({
      body: "Appeler la présidente au sujet du cofinancement de l’ARS.",
      author: "Julien Bernard",
    });
    expect(view.completeness.map((item) => item.label)).toContain("Budget équilibré");
    expect(view.transitions).toEqual(expect.arrayContaining(["REQUEST_CORRECTION", "PROPOSE", "CLOSE"]));
    expect(view.transitions).not.toContain("REOPEN");
    expect(view.correctionForm.pieces.length).toBeGreaterThan(0);
    // Staff are named in the staff timeline, never « Service instructeur de la Région ».
    expect(view.timeline.some((event) => event.actor === "Julien Bernard")).toBe(true);
    expect(view.documents.map((document) => document.label)).toEqual(
      expect.arrayContaining(["Récépissé de dépôt", "Dossier complet"]),
    );
  });

  it("answers 404 to an instructor whose scope does not cover the dossier, for the page and its files", async () => {
    expect(await refusedStatus(instructionDossierView(db, outsider, capAsso.id, NO_QUERY))).toBe(404);
    const piece = await db.attachment.findFirstOrThrow({ where: { dossierId: capAsso.id } });
    expect(await refusedStatus(openStaffAttachment(db, storage, outsider, capAsso.id, piece.id))).toBe(404);
    expect(await refusedStatus(openStaffDocument(db, storage, outsider, capAsso.id, "recepisse"))).toBe(404);
  });

  it("refuses funders and applicants before anything is read", async () => {
    const guards = createGuards(db, async (request) => request.headers.get("x-token"));
    for (const role of [UserRole.FUNDER, UserRole.APPLICANT]) {
      const person = await staffUser(db, `${role.toLowerCase()}@example.fr`, role);
      const token = await createSession(db, person.id);
      const request = new Request(`http://localhost/instruction/dossiers/${capAsso.id}`, {
        headers: { "x-token": token },
      });
      const refused = await guards.requireRole(request, ["INSTRUCTOR", "ADMIN"]).then(
        () => null,
        (reason: unknown) => reason as Response,
      );
      expect(refused?.status).toBe(403);
      // Even past the guard, the read model would not show them the dossier.
      expect(await refusedStatus(instructionDossierView(db, person, capAsso.id, NO_QUERY))).toBe(404);
    }
  });

  it("serves the pieces and the issued documents to staff, and nothing else", async () => {
    const piece = await db.attachment.findFirstOrThrow({ where: { dossierId: capAsso.id, messageId: null } });
    const file = await openStaffAttachment(db, storage, instructor, capAsso.id, piece.id);
    expect(file.fileName).toBe(piece.fileName);
    expect((await buffer(file.stream)).subarray(0, 5).toString()).toBe("%PDF-");

    const other = await db.attachment.findFirstOrThrow({ where: { dossierId: { not: capAsso.id } } });
    expect(await refusedStatus(openStaffAttachment(db, storage, instructor, capAsso.id, other.id))).toBe(404);

    const receipt = await openStaffDocument(db, storage, instructor, capAsso.id, "recepisse");
    expect(receipt.fileName).toBe(`Récépissé ${capAsso.number}.pdf`);
    expect(await pdfText(await buffer(receipt.stream))).toContain(capAsso.number!);
    // No opinion yet: no instructor's report; an unknown document is not found either.
    expect(await refusedStatus(openStaffDocument(db, storage, instructor, capAsso.id, "rapport"))).toBe(404);
    expect(await refusedStatus(openStaffDocument(db, storage, instructor, capAsso.id, "inconnu"))).toBe(404);
  });

  it("links the previous and next dossiers of the queue's filter, keeping its query string", async () => {
    const query = new URLSearchParams({ dispositif: "cap-asso", tri: "numero" });
    const view = await instructionDossierView(db, instructor, capAsso.id, query);
    const inQueue = await db.dossier.findMany({
      where: { schemeCode: SchemeCode.CAP_ASSO, status: { not: DossierStatus.DRAFT } },
      orderBy: [{ number: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const index = inQueue.findIndex((row) => row.id === capAsso.id);
    expect(view.navigation.total).toBe(inQueue.length);
    expect(view.navigation.position).toBe(index + 1);
    const expected = (id: string | undefined) => (id ? `/instruction/dossiers/${id}?${query}` : null);
    expect(view.navigation.previousHref).toBe(expected(inQueue[index - 1]?.id));
    expect(view.navigation.nextHref).toBe(expected(inQueue[index + 1]?.id));
    expect(view.navigation.queueHref).toBe(`/instruction?${query}`);
  });
});
