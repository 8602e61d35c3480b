// What a filing records: the eligibility judged by the dossier's own rule set, the snapshot kept in the
// event of the transition, and the data of the filing receipt. The portal's filing and the demo seed both
// record filings with these, so the two never drift apart.
import { fullName } from "~/domain/people";
import type { DossierReading, RawAnswers } from "~/domain/dossier-forms";
import { evaluateEligibility, type RuleSetsInForce, type SchemeResult } from "~/domain/eligibility/evaluate";
import { situationSchema } from "~/domain/eligibility/situation";
import { organisationSituation } from "~/domain/filing-checklist";
import { legalFormLabel } from "~/domain/legal-forms";
import type { Organisation, Prisma } from "~/generated/prisma/client";
import type { SchemeCode } from "~/generated/prisma/enums";
import type { FilingReceiptData } from "~/pdf/filing-receipt.server";
import { applicantDossierUrl } from "~/services/dossiers/links.server";

/** A piece as a filing lists it. */
export interface FiledAttachment {
  kind: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/** What of a dossier its filing receipt shows; a dossier as `getDossierForMember` returns it has it all. */
export interface ReceiptDossier {
  id: string;
  title: string;
  scheme: { name: string };
  ruleSet: { version: number; parameters: unknown };
  organisation: Pick<
    Organisation,
    "name" | "legalForm" | "siret" | "rnaNumber" | "addressLine" | "postcode" | "city"
  >;
}

/** The verdict of the dossier's own scheme, with `ruleSets` holding the dossier's own rule-set version. */
export function dossierEligibility(
  schemeCode: SchemeCode,
  organisation: Pick<Organisation, "legalForm" | "departmentCode">,
  reading: DossierReading,
  ruleSets: RuleSetsInForce,
): SchemeResult {
  const situation = situationSchema.parse({
    organisation: { ...organisationSituation(organisation), ...reading.summary.situation.organisation },
    project: reading.summary.situation.project ?? {},
  });
  return evaluateEligibility(situation, ruleSets).results.find((result) => result.code === schemeCode)!;
}

/** What the dossier said when it was filed (or sent back corrected), kept in the event of the transition. */
export function filingSnapshot(input: {
  ruleSetVersion: number;
  answers: RawAnswers;
  reading: DossierReading;
  eligibility: SchemeResult;
  attachments: readonly FiledAttachment[];
}): Prisma.InputJsonObject {
  return {
    ruleSetVersion: input.ruleSetVersion,
    answers: input.answers as Prisma.InputJsonObject,
    requestedAmountCents: input.reading.summary.requestedAmountCents,
    budgetLines: input.reading.budgetLines as unknown as Prisma.InputJsonArray,
    attachments: input.attachments.map((row) => ({
      kind: row.kind,
      fileName: row.fileName,
      sha256: row.sha256,
    })),
    eligibility: input.eligibility.criteria.map((criterion) => ({ id: criterion.id, met: criterion.met })),
  };
}

/** The receipt of a filing: `renderFilingReceipt(filingReceiptData(…))`. */
export function filingReceiptData(
  dossier: ReceiptDossier,
  filing: {
    number: string;
    filedAt: Date;
    filedBy: { firstName: string; lastName: string };
    reading: Pick<DossierReading, "title" | "summary" | "totalBudgetCents">;
    attachments: readonly FiledAttachment[];
    appUrl: string;
  },
): FilingReceiptData {
  const { organisation, ruleSet } = dossier;
  const labels = new Map(
    (
      ruleSet.parameters as { requiredAttachments?: Array<{ kind: string; label: string }> }
    ).requiredAttachments?.map((item) => [item.kind, item.label]) ?? [],
  );
  const { requestedAmountCents } = filing.reading.summary;
  const { totalBudgetCents } = filing.reading;
  return {
    dossierNumber: filing.number,
    filedAt: filing.filedAt,
    schemeName: dossier.scheme.name,
    ruleSetVersion: ruleSet.version,
    title: filing.reading.title ?? dossier.title,
    organisation: {
      name: organisation.name,
      legalForm: legalFormLabel(organisation.legalForm),
      siret: organisation.siret,
      rnaNumber: organisation.rnaNumber,
      address: [organisation.addressLine, organisation.postcode, organisation.city].filter(Boolean).join(" "),
    },
    filedBy: fullName(filing.filedBy),
    amounts: [
      ...(requestedAmountCents !== null
        ? [{ label: "Montant demandé à la Région", cents: requestedAmountCents }]
        : []),
      ...(totalBudgetCents !== null ? [{ label: "Budget total du projet", cents: totalBudgetCents }] : []),
    ],
    attachments: filing.attachments.map((row) => ({
      label: labels.get(row.kind) ?? "Autre pièce",
      fileName: row.fileName,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
    })),
    url: applicantDossierUrl(filing.appUrl, dossier.id),
  };
}
