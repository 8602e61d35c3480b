// The applicant's right of access and portability: « Télécharger toutes mes données (ZIP) » gives their
// account, sessions, organisations and the organisations' dossiers with messages and files, byte for byte —
// and nothing of another organisation, no instructor's note, no password hash. Signed out, it asks to sign in.
import { rm } from "node:fs/promises";
import { buffer } from "node:stream/consumers";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";

import { AUDIT_ACTIONS } from "~/domain/audit";
import { postMessage } from "~/services/dossiers/messages.server";
import { personalDataArchive } from "~/services/accounts/personal-data-export.server";
import { inspectUpload } from "~/services/platform/uploads.server";

import { A_VOS_ID_DOSSIERS } from "../../seeds/demo/dossiers-a-vos-id";
import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { databaseKinds } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { APP_URL, createWorld, fileDemo, type World } from "../support/instruction-world";
import { FOLLOW_UP_TEXT, writeFollowUp } from "../support/post-grant-rows";
import { cookieOf, get } from "../support/routes";

const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LWhhc2g";
const NOTE = "Note interne : la présidente a un contentieux en cours.";
const MESSAGE = "Bonjour, voici le budget révisé après notre conseil d’administration.";
const MESSAGE_FILE = Buffer.concat([SAMPLE_FILES.pdf, Buffer.from("% budget révisé\n")]);

/** Every entry of a ZIP, by name. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        buffer(stream).then((content) => {
          entries.set(entry.fileName, content);
          zip.readEntry();
        }, reject);
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return entries;
}

describe.each(databaseKinds())("the personal data export on %s", (kind) => {
  let world: World;
  let mine: Awaited<ReturnType<typeof fileDemo>>;
  let theirs: Awaited<ReturnType<typeof fileDemo>>;

  beforeAll(async () => {
    world = await createWorld(kind);
    mine = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    theirs = await fileDemo(world, A_VOS_ID_DOSSIERS[0]!);
    await world.db.user.update({ where: { id: mine.owner.id }, data: { passwordHash: PASSWORD_HASH } });
    const day = new Date("2026-09-01T08:00:00Z");
    await writeFollowUp(world.db, world.storage, {
      dossierId: theirs.id,
      ownerId: theirs.owner.id,
      instructorId: world.instructor.id,
      dates: {
        acceptedAt: day,
        paidOn: day,
        reportDueDate: day,
        reportApprovedAt: day,
        recoveryDecidedAt: day,
        recoverySettledAt: null,
      },
    });
    await world.db.instructorNote.create({
      data: { dossierId: mine.id, authorId: world.instructor.id, body: NOTE },
    });
    await postMessage(world.db, world.storage, {
      userId: mine.owner.id,
      dossierId: mine.id,
      body: MESSAGE,
      files: [
        { fileName: "budget révisé.pdf", inspection: await inspectUpload(MESSAGE_FILE, "budget révisé.pdf") },
      ],
      appUrl: APP_URL,
    });
    await world.db.session.create({
      data: {
        userId: mine.owner.id,
        tokenHash: "h".repeat(64),
        expiresAt: new Date(Date.now() + 86_400_000),
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
      },
    });
  });
  afterAll(async () => {
    globalThis.__database = undefined;
    globalThis.__storage = undefined;
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  async function exportOf(userId: string) {
    const archive = await personalDataArchive(world.db, world.storage, { userId });
    const entries = await unzip(await buffer(archive.stream));
    return { archive, entries, json: JSON.parse(entries.get("donnees.json")!.toString("utf8")) };
  }

  it("holds the person's account, sessions, organisations, dossiers and messages", async () => {
    const { archive, json } = await exportOf(mine.owner.id);
    expect(archive.fileName).toMatch(/^mes-donnees-portail-ess-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(json.compte).toMatchObject({ email: mine.owner.email, firstName: "Camille", lastName: "Martin" });
    expect(json.connexions.map((session: { navigateur: string }) => session.navigateur)).toContain(
      "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
    );
    expect(json.organisations).toHaveLength(1);
    expect(json.organisations[0].role).toBe("responsable");
    expect(json.dossiers.map((dossier: { numero: string }) => dossier.numero)).toEqual([mine.number]);
    const [dossier] = json.dossiers;
    expect(dossier.reponses.title).toBe(CAP_ASSO_DOSSIERS[0]!.answers.title);
    expect(dossier.messages.map((message: { texte: string }) => message.texte)).toEqual([MESSAGE]);
    expect(dossier.historique.length).toBeGreaterThan(0);
    expect(dossier.budget.length).toBeGreaterThan(0);
    expect(dossier.documents.map((document: { document: string }) => document.document)).toEqual([
      "Récépissé de dépôt",
    ]);
  });

  it("holds nothing of another organisation, no instructor's note and no password hash", async () => {
    const { entries } = await exportOf(mine.owner.id);
    const text = entries.get("donnees.json")!.toString("utf8");
    expect(text).not.toContain(theirs.number);
    expect(text).not.toContain(A_VOS_ID_DOSSIERS[0]!.answers.title as string);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain(PASSWORD_HASH);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("tokenHash");
    expect(
      [...entries.keys()].every(
        (name) => name === "donnees.json" || name.startsWith(`fichiers/${mine.number}/`),
      ),
    ).toBe(true);
  });

  it("holds every piece and PDF of the dossiers, byte for byte as uploaded and issued", async () => {
    const { entries, json } = await exportOf(mine.owner.id);
    const [dossier] = json.dossiers;
    const pieces = dossier.pieces as Array<{
      type: string;
      nom: string;
      fichier: string;
      avecLeMessage: string | null;
    }>;
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.filter((candidate) => !candidate.avecLeMessage)) {
      expect(piece.fichier).toBe(`fichiers/${mine.number}/${piece.type.toLowerCase()}.pdf`);
      expect(entries.get(piece.fichier)).toEqual(
        Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${piece.type} ${mine.id}\n`)]),
      );
    }
    const attached = pieces.find((piece) => piece.avecLeMessage)!;
    expect(attached.fichier).toBe(`fichiers/${mine.number}/budget révisé.pdf`);
    expect(entries.get(attached.fichier)).toEqual(MESSAGE_FILE);
    const receipt = await world.db.generatedDocument.findFirstOrThrow({ where: { dossierId: mine.id } });
    const path = dossier.documents[0].fichier as string;
    expect(path).toBe(`fichiers/${mine.number}/Récépissé ${mine.number}.pdf`);
    expect(entries.get(path)).toEqual(await buffer(await world.storage.get(receipt.storageKey)));
  });

  it("holds the dossier's life after the grant: acceptances, payments, reports and amounts to repay", async () => {
    const { json, entries } = await exportOf(theirs.owner.id);
    const [dossier] = json.dossiers;
    expect(dossier.acceptationsDeLaConvention).toEqual([
      expect.objectContaining({
        partie: "porteur",
        signataire: FOLLOW_UP_TEXT.signatory,
        adresseIp: FOLLOW_UP_TEXT.ip,
      }),
      expect.objectContaining({ partie: "Région" }),
    ]);
    expect(dossier.versements).toEqual([
      expect.objectContaining({
        montantVerseEnCentimes: 1_000_000,
        referenceDuMandat: "MDT-2026-0042",
        demandeDeCorrection: expect.stringContaining(FOLLOW_UP_TEXT.associate),
      }),
    ]);
    expect(dossier.comptesRendusFinanciers).toEqual([
      expect.objectContaining({ etat: "APPROVED", subventionRetenueEnCentimes: 800_000 }),
    ]);
    expect(dossier.reversements).toEqual([
      expect.objectContaining({
        montantEnCentimes: 200_000,
        motif: FOLLOW_UP_TEXT.recovery,
        etat: "à reverser",
      }),
    ]);
    // The payment's proof, the report's piece and the report's PDF are in the archive.
    const files = [...entries.keys()].filter((name) => name.startsWith(`fichiers/${theirs.number}/`));
    expect(files).toEqual(
      expect.arrayContaining([
        `fichiers/${theirs.number}/capital_certificate Perrin.pdf`,
        `fichiers/${theirs.number}/approved_accounts Perrin.pdf`,
      ]),
    );
    expect(dossier.documents.map((document: { document: string }) => document.document)).toContain(
      "Compte rendu financier",
    );
  });

  it("is audited, and a member sees the same organisation's dossier", async () => {
    const before = await world.db.auditLog.count({ where: { action: AUDIT_ACTIONS.personalDataExported } });
    const { json } = await exportOf(mine.member.id);
    expect(json.organisations[0].role).toBe("membre");
    expect(json.dossiers.map((dossier: { numero: string }) => dossier.numero)).toEqual([mine.number]);
    const audit = await world.db.auditLog.findFirstOrThrow({
      where: { action: AUDIT_ACTIONS.personalDataExported, actorId: mine.member.id },
    });
    expect(audit).toMatchObject({ targetType: "User", targetId: mine.member.id });
    expect(await world.db.auditLog.count({ where: { action: AUDIT_ACTIONS.personalDataExported } })).toBe(
      before + 1,
    );
    // The person's own journal lists the earlier export.
    const again = await exportOf(mine.member.id);
    expect(again.json.journal.map((entry: { code: string }) => entry.code)).toContain(
      AUDIT_ACTIONS.personalDataExported,
    );
  });

  it.runIf(kind === "pglite")(
    "is downloaded from /compte/mes-donnees.zip, and asks a signed-out visitor to sign in",
    async () => {
      globalThis.__database = { db: world.db, kind: "pglite", close: () => world.database.close() };
      globalThis.__storage = world.storage;
      const { loader } = await import("~/routes/compte.mes-donnees[.zip]");
      const args = (cookie?: string) => get("/compte/mes-donnees.zip", cookie);

      const signedOut = await loader(args()).catch((thrown: unknown) => thrown);
      expect((signedOut as Response).status).toBe(302);
      expect((signedOut as Response).headers.get("Location")).toBe(
        "/connexion?redirectTo=%2Fcompte%2Fmes-donnees.zip",
      );

      const cookie = await cookieOf(world.db, theirs.owner.id);
      const response = await loader(args(cookie));
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/zip");
      expect(response.headers.get("Content-Disposition")).toMatch(
        /^attachment; filename="mes-donnees-portail-ess-/,
      );
      const entries = await unzip(Buffer.from(await response.arrayBuffer()));
      const json = JSON.parse(entries.get("donnees.json")!.toString("utf8"));
      expect(json.dossiers.map((dossier: { numero: string }) => dossier.numero)).toEqual([theirs.number]);
      expect(entries.get("donnees.json")!.toString("utf8")).not.toContain(MESSAGE);
    },
  );
});
