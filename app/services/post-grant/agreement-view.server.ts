// What the convention pages show, to the association (/dossiers/:id/convention) and to Region staff
// (/instruction/dossiers/:id/convention): the agreement to read (its PDF, its SHA-256, its key articles),
// each side's acceptance or who may give it, the declarations to tick, and the certificate once complete.
import { formatDateInWords, formatDateTime, formatEuros } from "~/domain/format";
import { fullName } from "~/domain/people";
import {
  ACCEPTANCE_METHOD_LABELS,
  AGREEMENT_EFFECT,
  AGREEMENT_SIDE_LABELS,
  agreementDeclaration,
  agreementTermsOf,
  paymentTermsParagraphs,
} from "~/domain/post-grant/agreement";
import type { PrismaClient } from "~/generated/prisma/client";
import {
  AcceptanceMethod,
  AgreementSide,
  DocumentKind,
  DossierStatus,
  InstalmentKind,
  MembershipRole,
  SchemeCode,
} from "~/generated/prisma/enums";

import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { getDossierForStaff, type StaffActor } from "~/services/instruction/access.server";
import type { FileStorage } from "~/services/platform/storage.server";
import { storedAgreement } from "./agreement-reads.server";

export type AgreementPage = Awaited<ReturnType<typeof agreementPage>>;

type Viewer = { kind: "holder"; userId: string } | { kind: "staff"; actor: StaffActor };

export async function agreementPage(
  db: PrismaClient,
  storage: FileStorage,
  viewer: Viewer,
  dossierId: string,
) {
  const dossier =
    viewer.kind === "holder"
      ? await getDossierForMember(db, viewer.userId, dossierId)
      : await getDossierForStaff(db, viewer.actor, dossierId);
  const staff = viewer.kind === "staff";
  const base = staff ? `/instruction/dossiers/${dossier.id}` : `/dossiers/${dossier.id}`;
  const [agreement, acceptances, owners, certificate, instalments, membership] = await Promise.all([
    storedAgreement(db, storage, dossier.id),
    db.agreementAcceptance.findMany({
      where: { dossierId: dossier.id },
      include: {
        user: { select: { firstName: true, lastName: true } },
        attachments: { where: { deletedAt: null }, select: { id: true, fileName: true } },
      },
    }),
    db.membership.findMany({
      where: {
        organisationId: dossier.organisationId,
        role: MembershipRole.OWNER,
        user: { deactivatedAt: null },
      },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { firstName: true, lastName: true } } },
    }),
    db.generatedDocument.findFirst({
      where: { dossierId: dossier.id, kind: DocumentKind.ACCEPTANCE_CERTIFICATE },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { createdAt: true },
    }),
    db.scheduleInstalment.findMany({
      where: { dossierId: dossier.id, kind: InstalmentKind.PAYMENT },
      orderBy: { position: "asc" },
      select: { amountCents: true },
    }),
    viewer.kind === "holder"
      ? db.membership.findUnique({
          where: {
            userId_organisationId: { userId: viewer.userId, organisationId: dossier.organisationId },
          },
          select: { role: true },
        })
      : Promise.resolve(null),
  ]);
  const granted = dossier.status === DossierStatus.GRANTED || dossier.status === DossierStatus.SETTLED;
  const number = dossier.number ?? "";
  const names = { number, organisationName: dossier.organisation.name };
  const side = staff ? AgreementSide.REGION : AgreementSide.HOLDER;
  const own = acceptances.find((acceptance) => acceptance.side === side);
  const isOwner = membership?.role === MembershipRole.OWNER;
  const canAccept =
    dossier.status === DossierStatus.GRANTED && Boolean(agreement) && !own && (staff || isOwner);
  const terms = granted ? agreementTermsOf(dossier.schemeCode, dossier.ruleSet.parameters) : null;
  const yearly = instalments.map((instalment) => instalment.amountCents);

  return {
    dossier: {
      id: dossier.id,
      number,
      title: dossier.title,
      status: dossier.status,
      organisationName: dossier.organisation.name,
      schemeName: dossier.scheme.name,
      href: base,
    },
    granted,
    side,
    agreement: agreement
      ? {
          id: agreement.id,
          href: `${base}/documents/convention`,
          issuedOn: formatDateInWords(agreement.createdAt),
          sha256: agreement.sha256,
        }
      : null,
    keyTerms: terms
      ? {
          amount: dossier.grantedAmountCents === null ? null : formatEuros(dossier.grantedAmountCents),
          yearly:
            dossier.schemeCode === SchemeCode.CAP_ASSO && yearly.length > 1
              ? yearly.map((cents, index) => ({ label: `Année ${index + 1}`, amount: formatEuros(cents) }))
              : [],
          effect: AGREEMENT_EFFECT,
          payment: paymentTermsParagraphs(terms),
        }
      : null,
    acceptances: [AgreementSide.HOLDER, AgreementSide.REGION].map((each) => {
      const acceptance = acceptances.find((item) => item.side === each);
      return {
        side: each,
        party: AGREEMENT_SIDE_LABELS[each],
        accepted: acceptance
          ? {
              signatory: acceptance.signatoryRole
                ? `${acceptance.signatoryName}, ${acceptance.signatoryRole}`
                : acceptance.signatoryName,
              recordedBy: fullName(acceptance.user),
              at: formatDateTime(acceptance.acceptedAt),
              method: ACCEPTANCE_METHOD_LABELS[acceptance.method],
              scan: acceptance.attachments[0]
                ? {
                    fileName: acceptance.attachments[0].fileName,
                    href: `${base}/pieces/${acceptance.attachments[0].id}`,
                  }
                : null,
            }
          : null,
      };
    }),
    complete: dossier.agreementAcceptedAt
      ? { effectiveAt: formatDateTime(dossier.agreementAcceptedAt) }
      : null,
    certificate: certificate
      ? {
          href: `${base}/documents/certificat-acceptation`,
          issuedOn: formatDateInWords(certificate.createdAt),
        }
      : null,
    canAccept,
    owners: owners.map((owner) => fullName(owner.user)),
    isOwner,
    declarations: {
      online: agreementDeclaration(side, AcceptanceMethod.ONLINE, names),
      paper: agreementDeclaration(side, AcceptanceMethod.PAPER, names),
    },
    /** What the name fields start with: the organisation's legal representative for the association. */
    defaults: staff
      ? { signatoryName: "", signatoryRole: "" }
      : {
          signatoryName: dossier.organisation.legalRepresentativeName ?? "",
          signatoryRole: dossier.organisation.legalRepresentativeRole ?? "",
        },
  };
}
