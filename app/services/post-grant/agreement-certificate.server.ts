// The acceptance certificate, issued when the agreement's second side is accepted: both acceptances (who,
// when, from where, the declaration, the scan of a paper copy) and the SHA-256 of the agreement accepted.
import { fullName } from "~/domain/people";
import { AGREEMENT_SIDE_LABELS } from "~/domain/post-grant/agreement";
import type { Prisma } from "~/generated/prisma/client";
import { AgreementSide, DocumentKind } from "~/generated/prisma/enums";
import { renderAcceptanceCertificate } from "~/pdf/acceptance-certificate.server";

import { documentDossier, recordIssuedDocuments } from "~/services/dossiers/decision-documents.server";
import { newStorageKey, type FileStorage } from "~/services/platform/storage.server";

type Tx = Prisma.TransactionClient;

export async function issueCertificate(
  tx: Tx,
  storage: FileStorage,
  input: {
    dossierId: string;
    actorId: string;
    agreement: { id: string; createdAt: Date; sha256: string };
    now: Date;
    written: string[];
  },
) {
  const dossier = await tx.dossier.findUniqueOrThrow({
    where: { id: input.dossierId },
    include: { scheme: { select: { name: true } }, organisation: true },
  });
  const acceptances = await tx.agreementAcceptance.findMany({
    where: { dossierId: input.dossierId },
    include: {
      user: { select: { firstName: true, lastName: true } },
      attachments: { select: { fileName: true, sha256: true } },
    },
  });
  const ordered = [AgreementSide.HOLDER, AgreementSide.REGION].flatMap((side) =>
    acceptances.filter((acceptance) => acceptance.side === side),
  );
  const number = dossier.number ?? "";
  const pdf = await renderAcceptanceCertificate({
    dossier: documentDossier({
      id: dossier.id,
      number,
      title: dossier.title,
      schemeCode: dossier.schemeCode,
      schemeName: dossier.scheme.name,
      ruleSetParameters: null,
      organisation: dossier.organisation,
    }),
    agreementFileName: `Convention ${number}.pdf`,
    agreementIssuedOn: input.agreement.createdAt,
    agreementSha256: input.agreement.sha256,
    acceptances: ordered.map((acceptance) => ({
      party: AGREEMENT_SIDE_LABELS[acceptance.side],
      signatoryName: acceptance.signatoryName,
      signatoryRole: acceptance.signatoryRole,
      recordedBy: fullName(acceptance.user),
      method: acceptance.method,
      acceptedAt: acceptance.acceptedAt,
      ipAddress: acceptance.ipAddress,
      userAgent: acceptance.userAgent,
      declaration: acceptance.declaration,
      scan: acceptance.attachments[0] ?? null,
    })),
    effectiveAt: input.now,
    createdAt: input.now,
  });
  const storageKey = newStorageKey(input.now);
  input.written.push(storageKey);
  await storage.put(storageKey, pdf, { contentType: "application/pdf" });
  await recordIssuedDocuments(tx, {
    dossierId: input.dossierId,
    actorId: input.actorId,
    documents: [
      { kind: DocumentKind.ACCEPTANCE_CERTIFICATE, fileName: `Certificat ${number}.pdf`, storageKey },
    ],
    now: input.now,
  });
  return pdf;
}
