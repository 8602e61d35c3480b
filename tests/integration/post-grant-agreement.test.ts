// The agreement's acceptance after the grant: the association's owner and the Region each accept their side
// (online or with the scan of the copy signed on paper); the second acceptance starts the financed period
// (payments and reports stored), issues the certificate and tells the other party. Refusals change nothing;
// two acceptances of one side at once record one.
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isUserError } from "~/domain/user-error";
import { AcceptanceMethod, AgreementSide, DocumentKind, UserRole } from "~/generated/prisma/enums";
import { acceptAgreement, type AcceptanceInput } from "~/services/post-grant/agreement.server";
import { agreementPage } from "~/services/post-grant/agreement-view.server";
import { inspectUpload } from "~/services/platform/uploads.server";

import { CAP_ASSO_DOSSIERS } from "../../seeds/demo/dossiers-cap-asso";
import { databaseKinds } from "../support/database";
import { SAMPLE_FILES } from "../support/files";
import { pdfText } from "../support/pdf-text";
import { APP_URL, createWorld, fileDemo, type World } from "../support/instruction-world";
import { grantDossiers, type GrantedDossier } from "../support/post-grant-world";

async function refusal(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; fields: object }> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error))
      return { status: error.status, message: error.message, fields: error.fieldErrors };
    throw error;
  }
  throw new Error("Accepted, a refusal was expected");
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe.each(databaseKinds())("accepting the agreement on %s", (kind) => {
  let world: World;
  let capAsso: GrantedDossier;
  let aVosId: GrantedDossier;
  beforeAll(async () => {
    world = await createWorld(kind);
    [capAsso, aVosId] = (await grantDossiers(world, ["CAP_ASSO", "A_VOS_ID"])) as [
      GrantedDossier,
      GrantedDossier,
    ];
  });
  afterAll(async () => {
    await world?.database.close();
    if (world) await rm(world.root, { recursive: true, force: true });
  });

  const holder = (dossier: GrantedDossier, extra: Partial<AcceptanceInput> = {}): AcceptanceInput => ({
    dossierId: dossier.id,
    side: AgreementSide.HOLDER,
    method: AcceptanceMethod.ONLINE,
    actor: { id: dossier.owner.id, role: UserRole.APPLICANT },
    signatoryName: "Camille Martin",
    signatoryRole: "présidente",
    declared: true,
    ipAddress: "203.0.113.7",
    userAgent: "Mozilla/5.0 (test)",
    appUrl: APP_URL,
    now: new Date(),
    ...extra,
  });
  const region = (dossier: GrantedDossier, extra: Partial<AcceptanceInput> = {}): AcceptanceInput => ({
    ...holder(dossier),
    side: AgreementSide.REGION,
    actor: world.instructor,
    signatoryName: "Le Président du Conseil régional",
    signatoryRole: "par délégation, la directrice de l’Économie sociale et solidaire",
    ipAddress: "198.51.100.4",
    ...extra,
  });

  /** Everything an acceptance writes, to prove a refusal wrote none of it. */
  const footprint = async (dossierId: string) => ({
    acceptances: await world.db.agreementAcceptance.count({ where: { dossierId } }),
    events: await world.db.dossierEvent.count({ where: { dossierId } }),
    audit: await world.db.auditLog.count(),
    outbox: await world.db.outboxEmail.count(),
    payments: await world.db.payment.count({ where: { dossierId } }),
    attachments: await world.db.attachment.count({ where: { dossierId } }),
    dossier: await world.db.dossier.findUniqueOrThrow({
      where: { id: dossierId },
      select: { agreementAcceptedAt: true, revision: true },
    }),
  });

  it("refuses, changing nothing: a plain member, another scope, a dossier not granted, a form not filled", async () => {
    const filed = await fileDemo(world, CAP_ASSO_DOSSIERS[0]!);
    const before = await footprint(capAsso.id);
    const cases = [
      [holder(capAsso, { actor: { id: capAsso.member.id, role: UserRole.APPLICANT } }), 403, /propriétaire/],
      [region(capAsso, { actor: world.outsider }), 404, /introuvable/],
      [holder(capAsso, { declared: false, signatoryName: " " }), 422, /Cochez la déclaration/],
      [holder(capAsso, { method: AcceptanceMethod.PAPER, scan: null }), 422, /copie numérisée/],
      [
        holder(capAsso, {
          method: AcceptanceMethod.PAPER,
          scan: await inspectUpload(SAMPLE_FILES.png, "convention.png"),
        }),
        422,
        /PDF/,
      ],
      [holder(capAsso, { documentId: "une-autre-version" }), 409, /nouvelle version/],
    ] as const;
    for (const [input, status, message] of cases) {
      const refused = await refusal(acceptAgreement(world.db, world.storage, input));
      expect(refused.status).toBe(status);
      expect(refused.message).toMatch(message);
    }
    const notGranted = await refusal(
      acceptAgreement(
        world.db,
        world.storage,
        holder({ ...capAsso, ...filed, id: filed.id } as GrantedDossier),
      ),
    );
    expect(notGranted).toMatchObject({ status: 409, message: expect.stringMatching(/aide accordée/) });
    expect(await footprint(capAsso.id)).toEqual(before);
    // A plain member reads the page without the form, and learns who may accept.
    const page = await agreementPage(
      world.db,
      world.storage,
      { kind: "holder", userId: capAsso.member.id },
      capAsso.id,
    );
    expect(page).toMatchObject({ canAccept: false, isOwner: false, owners: ["Camille Martin"] });
    expect(page.agreement?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records the holder online, then the Region twice at once: one acceptance, the plan, the certificate, the emails", async () => {
    const outboxBefore = await world.db.outboxEmail.count();
    await acceptAgreement(world.db, world.storage, holder(capAsso));
    const stored = await world.db.generatedDocument.findFirstOrThrow({
      where: { dossierId: capAsso.id, kind: DocumentKind.AGREEMENT },
    });
    const sha256 = createHash("sha256")
      .update(await readAll(await world.storage.get(stored.storageKey)))
      .digest("hex");
    const first = await world.db.agreementAcceptance.findFirstOrThrow({ where: { dossierId: capAsso.id } });
    expect(first).toMatchObject({
      side: AgreementSide.HOLDER,
      method: AcceptanceMethod.ONLINE,
      userId: capAsso.owner.id,
      signatoryName: "Camille Martin",
      signatoryRole: "présidente",
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0 (test)",
      agreementDocumentId: stored.id,
      agreementSha256: sha256,
    });
    expect(first.declaration).toBe(
      `Je déclare avoir lu la convention du dossier ${capAsso.number}, être habilité·e à engager ` +
        `${(await world.db.organisation.findFirstOrThrow({ where: { memberships: { some: { userId: capAsso.owner.id } } } })).name} ` +
        "et accepter cette convention en son nom, sans réserve.",
    );
    // The instructor (the dossier's assignee) is told; the plan waits for the Region.
    const toStaff = await world.db.outboxEmail.findMany({ where: { to: world.instructor.email } });
    expect(toStaff.some((email) => email.subject.includes("convention acceptée par"))).toBe(true);
    expect(await world.db.payment.count({ where: { dossierId: capAsso.id } })).toBe(0);

    // The same side again: refused.
    expect((await refusal(acceptAgreement(world.db, world.storage, holder(capAsso)))).status).toBe(409);

    const results = await Promise.allSettled([
      acceptAgreement(world.db, world.storage, region(capAsso)),
      acceptAgreement(world.db, world.storage, region(capAsso, { actor: world.colleague })),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(isUserError(rejected.reason) && rejected.reason.status).toBe(409);
    expect(await world.db.agreementAcceptance.count({ where: { dossierId: capAsso.id } })).toBe(2);

    const dossier = await world.db.dossier.findUniqueOrThrow({ where: { id: capAsso.id } });
    const regionSide = await world.db.agreementAcceptance.findFirstOrThrow({
      where: { dossierId: capAsso.id, side: AgreementSide.REGION },
    });
    expect(dossier.agreementAcceptedAt).toEqual(regionSide.acceptedAt);
    expect(await world.db.payment.count({ where: { dossierId: capAsso.id } })).toBe(6);
    expect(await world.db.financialReport.count({ where: { dossierId: capAsso.id } })).toBe(3);

    const certificates = await world.db.generatedDocument.findMany({
      where: { dossierId: capAsso.id, kind: DocumentKind.ACCEPTANCE_CERTIFICATE },
    });
    expect(certificates).toHaveLength(1);
    const text = (await pdfText(await readAll(await world.storage.get(certificates[0]!.storageKey)))).replace(
      /\s+/g,
      " ",
    );
    expect(text).toContain("Certificat d’acceptation de la convention");
    expect(text).toContain(capAsso.number);
    expect(text.replace(/ /g, "")).toContain(sha256);
    expect(text).toContain("Camille Martin, présidente");
    expect(text).toContain("Le Président du Conseil régional, par délégation");
    expect(text).toContain("203.0.113.7");
    expect(text).toContain("198.51.100.4");
    expect(text).toContain("Acceptation en ligne");

    // The members are told both parties accepted; the timeline and the audit log say who did what.
    const emails = await world.db.outboxEmail.findMany({ orderBy: { createdAt: "asc" }, skip: outboxBefore });
    const toMembers = emails.filter((email) => email.subject.includes("acceptée par les deux parties"));
    expect(toMembers.map((email) => email.to).sort()).toEqual(
      [
        (await world.db.user.findUniqueOrThrow({ where: { id: capAsso.owner.id } })).email,
        (await world.db.user.findUniqueOrThrow({ where: { id: capAsso.member.id } })).email,
      ].sort(),
    );
    expect(
      await world.db.auditLog.count({
        where: {
          action: "post_grant.agreement_accepted",
          details: { path: ["dossierId"], equals: capAsso.id },
        },
      }),
    ).toBe(2);

    const page = await agreementPage(
      world.db,
      world.storage,
      { kind: "holder", userId: capAsso.member.id },
      capAsso.id,
    );
    expect(page.canAccept).toBe(false);
    expect(page.certificate?.href).toBe(`/dossiers/${capAsso.id}/documents/certificat-acceptation`);
    expect(page.acceptances.every((acceptance) => acceptance.accepted)).toBe(true);
  });

  it("records a scan of the agreement signed on paper the same way, with the file kept", async () => {
    const scan = await inspectUpload(
      Buffer.concat([SAMPLE_FILES.pdf, Buffer.from("% convention signée\n")]),
      "convention signée.pdf",
    );
    await acceptAgreement(
      world.db,
      world.storage,
      holder(aVosId, {
        method: AcceptanceMethod.PAPER,
        scan,
        signatoryName: "Noé Garnier",
        signatoryRole: "trésorier",
      }),
    );
    const acceptance = await world.db.agreementAcceptance.findFirstOrThrow({
      where: { dossierId: aVosId.id },
      include: { attachments: true },
    });
    expect(acceptance.method).toBe(AcceptanceMethod.PAPER);
    expect(acceptance.declaration).toMatch(/copie intégrale de la convention/);
    expect(acceptance.attachments).toHaveLength(1);
    expect(acceptance.attachments[0]).toMatchObject({
      kind: "SIGNED_AGREEMENT",
      mimeType: "application/pdf",
    });
    expect(scan.ok && acceptance.attachments[0]!.sha256).toBe(scan.ok ? scan.sha256 : "");

    await acceptAgreement(world.db, world.storage, region(aVosId, { method: AcceptanceMethod.PAPER, scan }));
    expect(await world.db.payment.count({ where: { dossierId: aVosId.id } })).toBe(2);
    const staffPage = await agreementPage(
      world.db,
      world.storage,
      { kind: "staff", actor: world.instructor },
      aVosId.id,
    );
    expect(staffPage.acceptances.map((item) => item.accepted?.method)).toEqual([
      "signée sur papier (copie transmise)",
      "signée sur papier (copie transmise)",
    ]);
    expect(staffPage.acceptances[0]?.accepted?.scan?.href).toMatch(/^\/instruction\/dossiers\/.+\/pieces\//);
  });
});
