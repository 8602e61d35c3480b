// The documents a demo dossier's Commission Permanente decision issued, as the portal issues them: the
// decision letter, and for a grant the agreement and the schedule. The schedule is the one the demo dossier
// records (its instalments, some already paid), so the documents and the dossier page tell the same story.
import type { SessionDecision } from "../../app/domain/commission";
import type { Schedule } from "../../app/domain/schedules";
import type { Prisma } from "../../app/generated/prisma/client";
import { DocumentKind, DossierStatus, InstalmentKind, SchemeCode } from "../../app/generated/prisma/enums";
import { renderAgreement } from "../../app/pdf/agreement.server";
import { renderDecisionLetter } from "../../app/pdf/decision-letter.server";
import { renderSchedule } from "../../app/pdf/schedule.server";
import {
  DECISION_SIGNATORY,
  decisionTerms,
  documentDossier,
  recordIssuedDocuments,
  type DecisionDossier,
} from "../../app/services/dossiers/decision-documents.server";
import { RECOURSE_NOTICE } from "../../emails/dossier-decided";

import type { DemoDossier, DemoReferences } from "./dossier-writer";

type Tx = Prisma.TransactionClient;

/** The schedule printed on the documents: repayments of an advance, payments of a subsidy. */
function recordedSchedule(dossier: DemoDossier): Schedule {
  const kind =
    dossier.scheme === SchemeCode.EQUITY_ADVANCE ? InstalmentKind.REPAYMENT : InstalmentKind.PAYMENT;
  return {
    kind,
    instalments: (dossier.instalments ?? [])
      .filter((instalment) => instalment.kind === kind)
      .map((instalment, index) => ({
        position: index + 1,
        dueDate: instalment.dueDate,
        amountCents: instalment.amountCents,
      })),
  };
}

export async function writeDemoDecision(
  tx: Tx,
  refs: DemoReferences,
  dossier: DemoDossier,
  created: { id: string; number: string | null; title: string },
): Promise<void> {
  const step = dossier.history.find(
    (candidate) => candidate.to === DossierStatus.GRANTED || candidate.to === DossierStatus.REFUSED,
  );
  if (!step || !created.number) return;
  const granted = step.to === DossierStatus.GRANTED;
  const sessionDate = dossier.commissionSessionDate ?? step.at;
  const organisation = refs.filing.organisations[dossier.organisation];
  const subject: DecisionDossier = {
    id: created.id,
    number: created.number,
    title: created.title,
    schemeCode: dossier.scheme,
    schemeName: refs.filing.schemeNames[dossier.scheme],
    ruleSetParameters: refs.filing.ruleSets[dossier.scheme].parameters,
    organisation,
  };
  const decision: Omit<SessionDecision, "dossierId"> = {
    outcome: granted ? "GRANTED" : "REFUSED",
    amountCents: granted ? (dossier.grantedAmountCents ?? null) : null,
    yearlyAmountsCents: granted ? (dossier.opinion?.yearlyAmountsCents ?? []) : [],
    motivation: step.reason,
  };
  const header = documentDossier(subject);
  const documents: Array<{ kind: DocumentKind; pdf: Buffer }> = [
    {
      kind: DocumentKind.DECISION_LETTER,
      pdf: await renderDecisionLetter({
        dossier: header,
        granted,
        amountCents: decision.amountCents,
        yearlyAmountsCents: decision.yearlyAmountsCents,
        motivation: decision.motivation,
        sessionDate,
        decidedAt: step.at,
        recourseNotice: RECOURSE_NOTICE,
        signatory: DECISION_SIGNATORY,
      }),
    },
  ];
  if (granted && decision.amountCents !== null) {
    const schedule = recordedSchedule(dossier);
    const parameters = refs.filing.ruleSets[dossier.scheme].parameters as {
      agreementLengthMonths?: number;
      maxDurationMonths?: number;
    };
    const { terms, table } = decisionTerms(
      { schemeCode: dossier.scheme, ruleSetParameters: parameters },
      decision.amountCents,
      decision.yearlyAmountsCents,
    );
    documents.push(
      {
        kind: DocumentKind.AGREEMENT,
        pdf: await renderAgreement({
          dossier: header,
          schemeCode: dossier.scheme,
          amountCents: decision.amountCents,
          yearlyAmountsCents: decision.yearlyAmountsCents,
          sessionDate,
          agreementMonths: parameters.agreementLengthMonths ?? parameters.maxDurationMonths ?? null,
          terms,
          table,
          iban: organisation.iban,
          createdAt: step.at,
        }),
      },
      {
        kind:
          schedule.kind === InstalmentKind.REPAYMENT
            ? DocumentKind.REPAYMENT_SCHEDULE
            : DocumentKind.PAYMENT_SCHEDULE,
        pdf: await renderSchedule({
          dossier: header,
          amountCents: decision.amountCents,
          yearlyAmountsCents:
            schedule.kind === InstalmentKind.REPAYMENT
              ? []
              : schedule.instalments.map((instalment) => instalment.amountCents),
          table,
          createdAt: step.at,
        }),
      },
    );
  }
  const stored = [];
  for (const document of documents) {
    const storageKey = await refs.filing.files.put(document.pdf, step.at, "application/pdf");
    stored.push({ kind: document.kind, fileName: `${document.kind}.pdf`, storageKey });
  }
  await recordIssuedDocuments(tx, {
    dossierId: created.id,
    actorId: refs.users[step.by],
    documents: stored,
    now: step.at,
  });
}
