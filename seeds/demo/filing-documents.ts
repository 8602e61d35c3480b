// The files a demo dossier's filing leaves behind, as the portal would have recorded them: each required
// piece uploaded by the dossier's creator before the filing (checked and hashed by the portal's own upload
// inspection, stored in the portal's storage), the snapshot of the FILED event, and the filing receipt. A
// correction the applicant answered also replaced the pieces the instructor asked for.
import { SCHEME_FORMS, type RawAnswers } from "../../app/domain/dossier-forms";
import { TRANSITIONS } from "../../app/domain/dossier-workflow";
import type { RuleSetsInForce } from "../../app/domain/eligibility/evaluate";
import { formatDate } from "../../app/domain/format";
import type { Organisation, Prisma } from "../../app/generated/prisma/client";
import {
  CorrectionStatus,
  DocumentKind,
  DossierStatus,
  type SchemeCode,
} from "../../app/generated/prisma/enums";
import { renderFilingReceipt } from "../../app/pdf/filing-receipt.server";
import { newStorageKey, type FileStorage } from "../../app/services/platform/storage.server";
import { inspectUpload } from "../../app/services/platform/uploads.server";

import { DEMO_ACCOUNTS, type DemoAccountKey } from "./accounts";
import { readDemoAnswers } from "./dossier-answers";
import type { DemoDossier, DemoReferences, DemoStep } from "./dossier-writer";
import {
  dossierEligibility,
  filingReceiptData,
  filingSnapshot,
  type FiledAttachment,
} from "../../app/services/applicant/filing-record.server";
import type { DemoOrganisationKey } from "./organisations";
import { demoPieceFileName, renderDemoPiece } from "./piece-pdf";

type Tx = Prisma.TransactionClient;

/** The storage the demo files go to, remembering every key so that a failed seed can take its files back. */
export class DemoFiles {
  private readonly keys: string[] = [];

  constructor(private readonly storage: FileStorage) {}

  /** Stores the bytes under a fresh key in the folder of `at`'s month, as the portal does. */
  async put(bytes: Uint8Array, at: Date, contentType: string): Promise<string> {
    const key = newStorageKey(at);
    this.keys.push(key);
    await this.storage.put(key, bytes, { contentType });
    return key;
  }

  /** Deletes every file stored so far: the transaction that was to record them did not commit. */
  async discard(): Promise<void> {
    await Promise.all(this.keys.map((key) => this.storage.delete(key).catch(() => undefined)));
  }
}

/** What the demo filings need beyond the ids of the demo rows. */
export interface DemoFilingReferences {
  files: DemoFiles;
  /** The portal's public address, for the link on the receipts (APP_URL). */
  appUrl: string;
  /** Rule set 1 of every scheme, the one the demo dossiers were filed under. */
  ruleSets: RuleSetsInForce;
  schemeNames: Record<SchemeCode, string>;
  organisations: Record<DemoOrganisationKey, Organisation>;
  users: Record<DemoAccountKey, { firstName: string; lastName: string }>;
}

export interface DemoFiling {
  /** The dossier's pieces, replaced ones included (deleted, their file kept, as the receipt lists them). */
  attachments: Prisma.AttachmentCreateWithoutDossierInput[];
  /** The data of the event of a transition: the snapshot of a filing or of a corrected dossier sent back. */
  eventData(step: DemoStep, from: DossierStatus): Prisma.InputJsonObject | undefined;
  /** Renders and stores the filing receipt, once the dossier has its id and number. */
  writeReceipt(tx: Tx, dossier: { id: string; number: string | null; title: string }): Promise<void>;
}

/** `count` minutes strictly between `from` and `to`, evenly spread. */
function timesBetween(from: Date, to: Date, count: number): Date[] {
  const step = (to.getTime() - from.getTime()) / (count + 1);
  return Array.from(
    { length: count },
    (_, index) => new Date(Math.floor((from.getTime() + step * (index + 1)) / 60_000) * 60_000),
  );
}

const isResubmission = (step: DemoStep, from: DossierStatus) =>
  (TRANSITIONS.RESUBMIT.from as readonly DossierStatus[]).includes(from) &&
  step.to === TRANSITIONS.RESUBMIT.to &&
  DEMO_ACCOUNTS.find((account) => account.key === step.by)?.role === "APPLICANT";

export async function prepareDemoFiling(
  refs: DemoReferences,
  dossier: DemoDossier,
  filedAt: Date,
): Promise<DemoFiling> {
  const { files, ruleSets } = refs.filing;
  const organisation = refs.filing.organisations[dossier.organisation];
  const ruleSet = ruleSets[dossier.scheme];
  const uploadedById = refs.users[dossier.createdBy];
  const filedStep = dossier.history.find((step) => step.to === DossierStatus.FILED)!;

  // The answers as filed: before the correction, if the applicant changed them since.
  const filedAnswers: RawAnswers = dossier.correction?.answersBefore ?? dossier.answers;
  const judge = (answers: RawAnswers) => {
    const what = `${String(answers.title)} (${dossier.organisation})`;
    const reading = readDemoAnswers(dossier.scheme, answers, { filed: true, what });
    const eligibility = dossierEligibility(dossier.scheme, organisation, reading, ruleSets);
    if (eligibility.eligible !== true) {
      const failed = eligibility.criteria.filter((criterion) => criterion.met !== true).map(({ id }) => id);
      throw new Error(
        `Demo seed: « ${what} » could not have been filed, it is not eligible: ${failed.join(", ")}`,
      );
    }
    return { reading, eligibility };
  };
  const filed = judge(filedAnswers);
  const notNeeded = new Set(SCHEME_FORMS[dossier.scheme].attachmentsNotNeeded?.(filed.reading.values) ?? []);
  const required = ruleSet.parameters.requiredAttachments.filter((piece) => !notNeeded.has(piece.kind));
  const dossierTitle = filed.reading.title!;

  type Row = Prisma.AttachmentCreateWithoutDossierInput & FiledAttachment;
  const upload = async (piece: { kind: string; label: string }, at: Date, note?: string): Promise<Row> => {
    const bytes = await renderDemoPiece({
      label: piece.label,
      organisation,
      dossierTitle,
      note,
      createdAt: at,
    });
    const inspection = await inspectUpload(bytes, demoPieceFileName(piece, organisation.name, Boolean(note)));
    if (!inspection.ok)
      throw new Error(`Demo seed: the portal refuses the piece ${piece.label}: ${inspection.error}`);
    return {
      kind: piece.kind,
      fileName: inspection.downloadName,
      mimeType: inspection.mime,
      sizeBytes: inspection.size,
      sha256: inspection.sha256,
      storageKey: await files.put(inspection.bytes, at, inspection.mime),
      uploadedBy: { connect: { id: uploadedById } },
      createdAt: at,
    };
  };

  const uploadTimes = timesBetween(dossier.createdAt, filedAt, required.length);
  const filedRows = await Promise.all(required.map((piece, index) => upload(piece, uploadTimes[index]!)));
  const rows: Row[] = [...filedRows];
  const { correction } = dossier;
  if (correction?.status === CorrectionStatus.ANSWERED && correction.answeredAt) {
    const asked = required.filter((piece) => correction.attachmentKinds.includes(piece.kind));
    const times = timesBetween(correction.at, correction.answeredAt, asked.length);
    for (const [index, piece] of asked.entries()) {
      const at = times[index]!;
      const replaced = rows.find((row) => row.kind === piece.kind && !row.deletedAt)!;
      replaced.deletedAt = at;
      rows.push(
        await upload(piece, at, `Version complétée le ${formatDate(at)} à la demande de l’instructeur.`),
      );
    }
  }

  const snapshot = (answers: RawAnswers, attachments: FiledAttachment[]) => {
    const { reading, eligibility } = answers === filedAnswers ? filed : judge(answers);
    return filingSnapshot({ ruleSetVersion: ruleSet.version, answers, reading, eligibility, attachments });
  };
  return {
    attachments: rows,
    eventData(step, from) {
      if (step === filedStep) return snapshot(filedAnswers, filedRows);
      if (isResubmission(step, from)) {
        // With the pieces the instructor asked for, replaced before the dossier was sent back.
        return snapshot(
          dossier.answers,
          rows.filter((row) => !row.deletedAt),
        );
      }
      return undefined;
    },
    async writeReceipt(tx, created) {
      if (!created.number) throw new Error("Demo seed: a filed dossier has no number");
      const receipt = await renderFilingReceipt(
        filingReceiptData(
          {
            id: created.id,
            title: created.title,
            scheme: { name: refs.filing.schemeNames[dossier.scheme] },
            ruleSet,
            organisation,
          },
          {
            number: created.number,
            filedAt,
            filedBy: refs.filing.users[filedStep.by],
            reading: filed.reading,
            attachments: filedRows,
            appUrl: refs.filing.appUrl,
          },
        ),
      );
      const storageKey = await files.put(receipt, filedAt, "application/pdf");
      await tx.generatedDocument.create({
        data: { dossierId: created.id, kind: DocumentKind.FILING_RECEIPT, storageKey, createdAt: filedAt },
      });
    },
  };
}
