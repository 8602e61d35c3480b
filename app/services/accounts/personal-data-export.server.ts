// The right of access and portability (GDPR art. 15 and 20): everything the portal holds about a person and
// their organisations, as one ZIP streamed to the browser — `donnees.json` and the files of the dossiers.
// Only what the person may already see: never another organisation's dossier, never an instructor's note,
// an opinion, the funders' comments or pledges, nor a password hash or a session token.
import { Readable } from "node:stream";

import { ZipArchive } from "archiver";

import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, type AuditAction } from "~/domain/audit";
import { ISSUED_DOCUMENTS } from "~/domain/dossier-documents";
import { DOSSIER_STATUS_LABELS } from "~/domain/dossier-status";
import { personLabel } from "~/domain/dossier-timeline";
import { parisDay } from "~/domain/paris-time";
import { safeDownloadName } from "~/domain/uploads";
import type { PrismaClient } from "~/generated/prisma/client";

import type { FileStorage } from "~/services/platform/storage.server";
import { loadPersonalData, type PersonalData } from "./personal-data.server";

const ISSUED_KINDS = Object.values(ISSUED_DOCUMENTS);

/** A file of the archive: where it goes in the ZIP and where its bytes are. */
interface ArchivedFile {
  path: string;
  storageKey: string;
}

/** Names each file once in its dossier's folder: a second « statuts.pdf » becomes « statuts (2).pdf ». */
function folderNamer(folder: string) {
  const taken = new Set<string>();
  return (name: string) => {
    const safe = safeDownloadName(name);
    const dot = safe.lastIndexOf(".");
    const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ""];
    let candidate = safe;
    for (let index = 2; taken.has(candidate.toLowerCase()); index += 1)
      candidate = `${stem} (${index})${extension}`;
    taken.add(candidate.toLowerCase());
    return `fichiers/${folder}/${candidate}`;
  };
}

/** The JSON document and the files to put beside it. Files no longer in storage are listed without a path. */
async function buildExport(data: PersonalData, storage: FileStorage, now: Date) {
  const files: ArchivedFile[] = [];
  const place = async (name: (fileName: string) => string, fileName: string, storageKey: string) => {
    if (!(await storage.exists(storageKey))) return null;
    const path = name(fileName);
    files.push({ path, storageKey });
    return path;
  };

  const dossiers = [];
  for (const dossier of data.dossiers) {
    const name = folderNamer(safeDownloadName(dossier.number ?? dossier.id));
    const pieces = [];
    for (const piece of dossier.attachments) {
      pieces.push({
        type: piece.kind,
        nom: piece.fileName,
        typeMime: piece.mimeType,
        tailleOctets: piece.sizeBytes,
        sha256: piece.sha256,
        envoyeeLe: piece.createdAt,
        avecLeMessage: piece.messageId,
        fichier: dossier.purgedAt ? null : await place(name, piece.fileName, piece.storageKey),
      });
    }
    const documents = [];
    for (const document of dossier.documents) {
      const issued = ISSUED_KINDS.find((candidate) => candidate.kind === document.kind)!;
      const fileName = `${issued.fileStem} ${dossier.number ?? ""}.pdf`;
      documents.push({
        document: issued.label,
        etabliLe: document.createdAt,
        fichier: dossier.purgedAt ? null : await place(name, fileName, document.storageKey),
      });
    }
    dossiers.push({
      id: dossier.id,
      numero: dossier.number,
      intitule: dossier.title,
      organisationId: dossier.organisationId,
      dispositif: dossier.scheme.name,
      statut: DOSSIER_STATUS_LABELS[dossier.status],
      reponses: dossier.answers,
      montantDemandeEnCentimes: dossier.requestedAmountCents,
      montantAccordeEnCentimes: dossier.grantedAmountCents,
      budgetTotalEnCentimes: dossier.totalBudgetCents,
      departement: dossier.departmentCode,
      territoire: dossier.territory?.name ?? null,
      partageAvecLesFinanceurs: dossier.sharedWithFunders,
      partageLe: dossier.sharedAt,
      creeLe: dossier.createdAt,
      deposeLe: dossier.filedAt,
      decideLe: dossier.decidedAt,
      conventionAccepteeLe: dossier.agreementAcceptedAt,
      soldeLe: dossier.settledAt,
      closLe: dossier.closedAt,
      avisDeSuppressionEnvoyeLe: dossier.purgeNoticeSentAt,
      purgeLe: dossier.purgedAt,
      budget: dossier.budgetLines.map((line) => ({
        cote: line.side === "EXPENSE" ? "dépense" : "ressource",
        categorie: line.category,
        libelle: line.label,
        montantEnCentimes: line.amountCents,
      })),
      historique: dossier.events.map((event) => ({
        evenement: event.kind,
        deStatut: event.fromStatus ? DOSSIER_STATUS_LABELS[event.fromStatus] : null,
        versStatut: event.toStatus ? DOSSIER_STATUS_LABELS[event.toStatus] : null,
        motif: event.reason,
        par: personLabel(event.actor),
        le: event.createdAt,
      })),
      messages: dossier.messages.map((message) => ({
        id: message.id,
        de: personLabel(message.author),
        texte: message.body,
        envoyeLe: message.createdAt,
        luLe: message.readAt,
      })),
      demandesDeCorrection: dossier.correctionRequests.map((request) => ({
        motif: request.reason,
        champs: request.fields,
        pieces: request.attachmentKinds,
        reponseAttendueLe: request.replyBy,
        etat: request.status,
        reponduLe: request.answeredAt,
        demandeeLe: request.createdAt,
      })),
      pieces,
      documents,
      acceptationsDeLaConvention: dossier.acceptances.map((acceptance) => ({
        partie: acceptance.side === "HOLDER" ? "porteur" : "Région",
        mode: acceptance.method === "ONLINE" ? "en ligne" : "papier signé",
        par: personLabel(acceptance.user),
        signataire: acceptance.signatoryName,
        qualite: acceptance.signatoryRole,
        declaration: acceptance.declaration,
        adresseIp: acceptance.ipAddress,
        navigateur: acceptance.userAgent,
        empreinteSha256DeLaConvention: acceptance.agreementSha256,
        le: acceptance.acceptedAt,
      })),
      versements: dossier.payments.map((payment) => ({
        rang: payment.position,
        periode: payment.period,
        nature: payment.kind,
        etat: payment.status,
        montantPrevuEnCentimes: payment.plannedAmountCents,
        montantDemandeEnCentimes: payment.requestedAmountCents,
        montantApprouveEnCentimes: payment.approvedAmountCents,
        montantVerseEnCentimes: payment.paidAmountCents,
        declaration: payment.declaration,
        demandeLe: payment.requestedAt,
        demandePar: payment.requestedBy ? personLabel(payment.requestedBy) : null,
        demandeDeCorrection: payment.correctionNote,
        approuveLe: payment.approvedAt,
        decidePar: payment.decidedBy ? personLabel(payment.decidedBy) : null,
        verseLe: payment.paidOn,
        referenceDuMandat: payment.mandateReference,
      })),
      comptesRendusFinanciers: dossier.reports.map((report) => ({
        periode: report.period,
        du: report.periodStart,
        au: report.periodEnd,
        attenduLe: report.dueDate,
        etat: report.status,
        reponses: report.answers,
        envoyeLe: report.submittedAt,
        envoyePar: report.submittedBy ? personLabel(report.submittedBy) : null,
        demandeDeCorrection: report.correctionNote,
        approuveLe: report.approvedAt,
        decidePar: report.decidedBy ? personLabel(report.decidedBy) : null,
        subventionRetenueEnCentimes: report.retainedAmountCents,
      })),
      reversements: dossier.recoveries.map((recovery) => ({
        montantEnCentimes: recovery.amountCents,
        motif: recovery.reason,
        etat: recovery.status === "SETTLED" ? "réglé" : "à reverser",
        decidePar: personLabel(recovery.decidedBy),
        decideLe: recovery.decidedAt,
        aReverserAvantLe: recovery.dueDate,
        regleLe: recovery.settledAt,
        referenceDuReglement: recovery.settledReference,
      })),
    });
  }

  const { funderOrganisation, ...account } = data.user;
  const json = {
    description:
      "Données personnelles détenues par le Portail ESS Centre-Val de Loire : votre compte, vos connexions, vos organisations et leurs dossiers, et vos actions enregistrées. Les montants sont en centimes d’euro, les dates en UTC (ISO 8601).",
    genereLe: now,
    compte: { ...account, organisationFinanceuse: funderOrganisation?.name ?? null },
    connexions: data.sessions.map((session) => ({
      ouverteLe: session.createdAt,
      derniereActiviteLe: session.lastSeenAt,
      expireLe: session.expiresAt,
      fermeeLe: session.revokedAt,
      navigateur: session.userAgent,
      adresseIp: session.ip,
    })),
    organisations: data.memberships.map((membership) => ({
      role: membership.role === "OWNER" ? "responsable" : "membre",
      membreDepuis: membership.createdAt,
      profil: membership.organisation,
    })),
    dossiers,
    journal: data.journal.map((entry) => ({
      action: AUDIT_ACTION_LABELS[entry.action as AuditAction] ?? entry.action,
      code: entry.action,
      objet: entry.targetType,
      objetId: entry.targetId,
      details: entry.details,
      adresseIp: entry.ip,
      le: entry.createdAt,
    })),
  };
  return { json, files };
}

/** Opens the stored file only when the archive reaches it, so a large export holds one file open at a time. */
function lazyFile(storage: FileStorage, key: string): Readable {
  return Readable.from(
    (async function* () {
      yield* await storage.get(key);
    })(),
    { objectMode: false },
  );
}

/**
 * The archive of everything about the person, as a stream; the export is audited before a byte is sent.
 * A file that disappears from storage while the archive is written breaks the download (the browser reports
 * it) rather than leaving it silently short.
 */
export async function personalDataArchive(
  db: PrismaClient,
  storage: FileStorage,
  input: { userId: string; ip?: string | null; now?: Date },
): Promise<{ fileName: string; stream: Readable }> {
  const now = input.now ?? new Date();
  const data = await loadPersonalData(db, input.userId);
  const { json, files } = await buildExport(data, storage, now);
  await db.auditLog.create({
    data: {
      actorId: input.userId,
      action: AUDIT_ACTIONS.personalDataExported,
      targetType: "User",
      targetId: input.userId,
      details: {
        organisations: data.memberships.length,
        dossiers: data.dossiers.length,
        files: files.length,
      },
      ip: input.ip ?? null,
      createdAt: now,
    },
  });
  const zip = new ZipArchive({ zlib: { level: 6 } });
  zip.append(Buffer.from(`${JSON.stringify(json, null, 2)}\n`, "utf8"), { name: "donnees.json", date: now });
  for (const file of files) zip.append(lazyFile(storage, file.storageKey), { name: file.path, date: now });
  // The promise settles when the archive is read to its end; errors travel through the stream itself.
  zip.finalize().catch(() => undefined);
  return { fileName: `mes-donnees-portail-ess-${parisDay(now)}.zip`, stream: zip };
}
