import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DossierEventKind, DossierStatus, LegalForm, SchemeCode } from "~/generated/prisma/enums";
import { setFunderSharing, SHARING_REASONS, sharingState } from "~/services/applicant/dossier-sharing.server";

import { seedReference } from "../../seeds/reference";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { errorResponse } from "~/services/platform/http.server";

const MORNING = new Date("2026-11-23T09:30:00Z");
const EVENING = new Date("2026-11-23T17:45:00Z");

describe.each(databaseKinds())("sharing a dossier with the funders on %s", (kind) => {
  let database: TestDatabase;
  let counter = 0;

  async function createUser() {
    counter += 1;
    return database.db.user.create({
      data: {
        email: `porteur${counter}@example.fr`,
        passwordHash: "not-used-here",
        firstName: "Camille",
        lastName: `Martin${counter}`,
      },
    });
  }

  async function filedDossier() {
    const member = await createUser();
    const organisation = await database.db.organisation.create({
      data: { name: `Association n° ${counter}`, legalForm: LegalForm.ASSOCIATION, departmentCode: "45" },
    });
    await database.db.membership.create({ data: { userId: member.id, organisationId: organisation.id } });
    const scheme = await database.db.scheme.findUniqueOrThrow({
      where: { code: SchemeCode.CAP_ASSO },
      include: { ruleSets: true },
    });
    const dossier = await database.db.dossier.create({
      data: {
        schemeId: scheme.id,
        schemeCode: SchemeCode.CAP_ASSO,
        ruleSetId: scheme.ruleSets[0]!.id,
        organisationId: organisation.id,
        createdById: member.id,
        title: "Épicerie solidaire",
        status: DossierStatus.FILED,
        number: `CAPASSO-2026-${String(counter).padStart(5, "0")}`,
        filedAt: MORNING,
      },
    });
    return { dossierId: dossier.id, member };
  }

  const sharingEvents = (dossierId: string) =>
    database.db.dossierEvent.findMany({
      where: { dossierId, kind: DossierEventKind.SHARING },
      orderBy: { createdAt: "asc" },
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedReference(database.db, MORNING);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("records the consent, then its withdrawal, with who and when", async () => {
    const { dossierId, member } = await filedDossier();
    expect(await sharingState(database.db, member.id, dossierId)).toEqual({
      shared: false,
      lastChange: null,
    });

    expect(
      await setFunderSharing(database.db, { userId: member.id, dossierId, share: true, now: MORNING }),
    ).toEqual({ changed: true, shared: true });
    expect(
      await database.db.dossier.findUniqueOrThrow({
        where: { id: dossierId },
        select: { sharedWithFunders: true, sharedAt: true },
      }),
    ).toEqual({ sharedWithFunders: true, sharedAt: MORNING });
    expect(await sharingState(database.db, member.id, dossierId)).toEqual({
      shared: true,
      lastChange: { shared: true, at: MORNING, by: `Camille ${member.lastName}` },
    });

    await setFunderSharing(database.db, { userId: member.id, dossierId, share: false, now: EVENING });
    expect(
      await database.db.dossier.findUniqueOrThrow({
        where: { id: dossierId },
        select: { sharedWithFunders: true, sharedAt: true },
      }),
    ).toEqual({ sharedWithFunders: false, sharedAt: null });
    expect(await sharingState(database.db, member.id, dossierId)).toMatchObject({
      shared: false,
      lastChange: { shared: false, at: EVENING },
    });

    const events = await sharingEvents(dossierId);
    expect(events.map((event) => [event.reason, event.actorId, event.createdAt])).toEqual([
      [SHARING_REASONS.shared, member.id, MORNING],
      [SHARING_REASONS.revoked, member.id, EVENING],
    ]);
    expect(SHARING_REASONS).toEqual({
      shared: "Partage avec la communauté des financeurs",
      revoked: "Fin du partage avec la communauté des financeurs",
    });
  });

  it("records nothing when the choice does not change", async () => {
    const { dossierId, member } = await filedDossier();
    await setFunderSharing(database.db, { userId: member.id, dossierId, share: true, now: MORNING });
    expect(
      await setFunderSharing(database.db, { userId: member.id, dossierId, share: true, now: EVENING }),
    ).toEqual({ changed: false, shared: true });
    expect(
      await setFunderSharing(database.db, { userId: member.id, dossierId: dossierId, share: true }),
    ).toMatchObject({ changed: false });
    expect(await sharingEvents(dossierId)).toHaveLength(1);
    const dossier = await database.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(dossier.sharedAt).toEqual(MORNING);
  });

  it("answers 404 to someone who is not a member, and changes nothing", async () => {
    const { dossierId } = await filedDossier();
    const stranger = await createUser();
    const refusal = errorResponse(
      await setFunderSharing(database.db, {
        userId: stranger.id,
        dossierId,
        share: true,
      }).then(
        () => null,
        (reason: unknown) => reason,
      ),
    );
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(404);
    const state = await sharingState(database.db, stranger.id, dossierId).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect((state as Response).status).toBe(404);
    expect(await sharingEvents(dossierId)).toHaveLength(0);
    const dossier = await database.db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(dossier.sharedWithFunders).toBe(false);
  });
});
