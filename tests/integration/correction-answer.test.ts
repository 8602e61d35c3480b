// A correction round as the applicant lives it: a request that asks only for a piece starts on the pieces,
// one that asks for an answer starts on its step; the corrected dossier goes back with a word for the
// instructor, who reads it with the round and in the email; nobody is told a receipt was sent.
import { rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DossierStatus } from "~/generated/prisma/enums";
import { dossierOverview } from "~/services/applicant/dossier-overview.server";
import { fileDossier } from "~/services/applicant/filing.server";
import { startInstruction } from "~/services/instruction/actions.server";
import { correctionDiffs, requestCorrection } from "~/services/instruction/corrections.server";

import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { databaseKinds } from "../support/database";
import { APP_URL, DAY, createWorld, fileDemo, type World } from "../support/instruction-world";

describe.each(databaseKinds())("answering a correction request on %s", (kind) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(kind);
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  async function askFor(request: { fields: string[]; attachmentKinds: string[] }) {
    const { db, instructor } = world;
    const filed = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    const revision = async () =>
      (await db.dossier.findUniqueOrThrow({ where: { id: filed.id }, select: { revision: true } })).revision;
    await startInstruction(db, {
      actor: instructor,
      dossierId: filed.id,
      revision: await revision(),
      appUrl: APP_URL,
    });
    await requestCorrection(db, {
      actor: instructor,
      dossierId: filed.id,
      revision: await revision(),
      ...request,
      reason: "Le RIB joint n’est plus lisible : joignez-en un récent.",
      replyBy: new Date(Date.now() + 15 * DAY),
      appUrl: APP_URL,
    });
    return filed;
  }

  it("opens the pieces when only a piece is asked for, the step of the answer otherwise", async () => {
    const pieceOnly = await askFor({ fields: [], attachmentKinds: ["RIB"] });
    const overview = await dossierOverview(world.db, pieceOnly.owner.id, pieceOnly.id);
    expect(overview.corrections).toMatchObject([
      {
        attachments: ["Relevé d’identité bancaire au nom de l’association"],
        startHref: `/dossiers/${pieceOnly.id}/pieces`,
      },
    ]);

    const answer = await askFor({ fields: ["publics"], attachmentKinds: ["RIB"] });
    const withAnswer = await dossierOverview(world.db, answer.owner.id, answer.id);
    expect(withAnswer.corrections[0]!.startHref).toBe(`/dossiers/${answer.id}/etapes/projet`);
  });

  it("sends the dossier back with the applicant's note, kept with the round and in the instructor's email", async () => {
    const { db, storage, instructor } = world;
    const filed = await askFor({ fields: [], attachmentKinds: ["RIB"] });
    const before = await db.outboxEmail.count({ where: { to: filed.owner.email } });
    const result = await fileDossier(db, storage, {
      userId: filed.owner.id,
      dossierId: filed.id,
      appUrl: APP_URL,
      note: "  Le nouveau RIB est joint ; la banque a changé d’agence.\r\n",
    });
    expect(result).toMatchObject({ alreadyFiled: false, corrected: true });
    expect((await db.dossier.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe(
      DossierStatus.UNDER_INSTRUCTION,
    );
    const [round] = await correctionDiffs(db, filed.id);
    expect(round!.answerNote).toBe("Le nouveau RIB est joint ; la banque a changé d’agence.");
    const email = await db.outboxEmail.findFirstOrThrow({
      where: { to: instructor.email, template: "correction-answered", subject: { contains: filed.number } },
    });
    expect(email.text).toContain(
      "Message joint : « Le nouveau RIB est joint ; la banque a changé d’agence. »",
    );
    // No receipt goes to the applicants for a corrected dossier: the page must not say one did.
    expect(await db.outboxEmail.count({ where: { to: filed.owner.email } })).toBe(before);
  });
});
