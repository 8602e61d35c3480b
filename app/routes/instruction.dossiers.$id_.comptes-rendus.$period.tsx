// A financial report for the instructor: the report as sent with its gaps highlighted, its pieces and PDF,
// then approve it (the subsidy retained for the period: the year's amount, editable, for CAP ASSO; computed
// from the eligible expenses paid for A VOS ID) or send it back for a correction. Works without JavaScript.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField, TextAreaField } from "~/components/form-field";
import { ReportReading } from "~/components/post-grant/report-reading";
import { reportReading } from "~/components/post-grant/report-view";
import { db } from "~/db.server";
import { formatDate, formatDateInWords, formatEuros, formatEurosInput, parseEuros } from "~/domain/format";
import type { ActionResult } from "~/domain/forms";
import { availableMoves } from "~/domain/post-grant/machine";
import { REPORT_MOVES, REPORT_STATUS_LABELS, reportOverdue } from "~/domain/post-grant/report-workflow";
import { formatBytes } from "~/domain/uploads";
import { appUrl } from "~/env.server";
import { UserRole } from "~/generated/prisma/enums";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { periodParam } from "~/services/post-grant/report-context.server";
import { approveReport, askReportCorrection } from "~/services/post-grant/report-decisions.server";
import { reportView } from "~/services/post-grant/reports.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `Compte rendu financier (${loaded?.periodLabel ?? ""}) — ${loaded?.number ?? ""} — Instruction — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  approuve: "Le compte rendu est approuvé\u202f; l’association est prévenue.",
  correction: "La demande de correction est envoyée à l’association.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const period = periodParam(params.period);
  const view = await reportView(db, { staff: user }, params.id ?? "", period);
  const { dossier, report, terms } = view;
  const message = new URL(request.url).searchParams.get("message");
  const kinds = new Map(terms.attachments.map((item) => [item.kind, item.label]));
  const moves = availableMoves(
    REPORT_MOVES,
    report.status,
    user.role === UserRole.ADMIN ? UserRole.ADMIN : UserRole.INSTRUCTOR,
  );
  return {
    dossierId: dossier.id,
    number: dossier.number,
    title: dossier.title,
    organisation: dossier.organisation.name,
    scheme: dossier.scheme.name,
    periodLabel: view.periodLabel,
    status: REPORT_STATUS_LABELS[report.status],
    periodText: `du ${formatDate(report.periodStart)} au ${formatDate(report.periodEnd)}`,
    due: `${formatDateInWords(report.dueDate)}${reportOverdue(report, new Date()) ? " (en retard)" : ""}`,
    submitted: report.submittedAt
      ? `le ${formatDateInWords(report.submittedAt)} par ${view.submittedBy ?? "—"}`
      : null,
    periodAmount: formatEuros(view.periodAmountCents),
    retained: report.retainedAmountCents !== null ? formatEuros(report.retainedAmountCents) : null,
    correctionNote: report.correctionNote,
    threshold: terms.thresholdPercent,
    reading: view.submitted ? reportReading(view.submitted) : null,
    pieces: view.attachments.map((attachment) => ({
      id: attachment.id,
      label: kinds.get(attachment.kind) ?? "Autre pièce",
      fileName: attachment.fileName,
      size: formatBytes(attachment.sizeBytes),
    })),
    pdf: view.document ? `/instruction/dossiers/${dossier.id}/comptes-rendus/${period}/pdf` : null,
    approval: view.approval
      ? {
          editable: view.approval.editable,
          retained: formatEuros(view.approval.retainedCents),
          retainedInput: formatEurosInput(view.approval.retainedCents),
          explanation: view.approval.explanation,
          committed: formatEuros(view.approval.committedCents),
        }
      : null,
    canApprove: moves.includes("APPROVE"),
    canAskCorrection: moves.includes("ASK_CORRECTION"),
    effects: { APPROVE: REPORT_MOVES.APPROVE.effects, ASK_CORRECTION: REPORT_MOVES.ASK_CORRECTION.effects },
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

type Result = ActionResult<Record<string, string> | undefined, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const dossierId = params.id ?? "";
  const period = periodParam(params.period);
  // Scope first: outside it, the dossier does not exist, whatever the form says.
  await reportView(db, { staff: user }, dossierId, period);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "intent") values[key] = value;
  const here = `/instruction/dossiers/${dossierId}/comptes-rendus/${period}`;
  const common = { actor: user, dossierId, period, appUrl: appUrl() };
  try {
    if (intent === "APPROVE") {
      let retainedCents: number | null = null;
      const typed = (values.retainedAmount ?? "").trim();
      if (typed) {
        const parsed = parseEuros(typed);
        if (!parsed.ok)
          return data<Result>({ intent, errors: { retainedAmount: parsed.error }, values }, { status: 422 });
        retainedCents = parsed.cents;
      }
      await approveReport(db, { ...common, retainedCents });
      return redirect(`${here}?message=approuve`);
    }
    if (intent === "ASK_CORRECTION") {
      const reason = (values.reason ?? "").trim();
      if (!reason)
        return data<Result>(
          {
            intent,
            errors: { reason: "Indiquez ce qu’il faut corriger\u202f: l’association le lira." },
            values,
          },
          { status: 422 },
        );
      await askReportCorrection(db, { ...common, reason });
      return redirect(`${here}?message=correction`);
    }
    return data<Result>(
      { intent, errors: { form: "Action inconnue : rechargez la page." } },
      { status: 400 },
    );
  } catch (error) {
    return replyTo(error, { intent, values });
  }
}

export default function StaffReportPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="instruction-dossier">
      <p className="breadcrumb">
        <Link to={`/instruction/dossiers/${view.dossierId}`}>Dossier {view.number}</Link>
      </p>
      <h1>Compte rendu financier — {view.periodLabel}</h1>
      <p>
        {view.number} — {view.title} ({view.organisation}, {view.scheme})
      </p>
      <div role="status">
        {view.confirmation && !result ? <p className="notice notice--success">{view.confirmation}</p> : null}
      </div>
      <ErrorSummary
        errors={result?.errors}
        labels={{ retainedAmount: "Subvention retenue", reason: "Correction demandée" }}
        fieldId={(field) => (field === "form" ? undefined : field)}
      />
      <dl className="key-values">
        <div>
          <dt>État</dt>
          <dd>{view.status}</dd>
        </div>
        <div>
          <dt>Période</dt>
          <dd>{view.periodText}</dd>
        </div>
        <div>
          <dt>Échéance</dt>
          <dd>{view.due}</dd>
        </div>
        <div>
          <dt>Envoyé</dt>
          <dd>{view.submitted ?? "Pas encore envoyé"}</dd>
        </div>
        <div>
          <dt>Subvention de la période</dt>
          <dd>{view.periodAmount}</dd>
        </div>
        {view.retained ? (
          <div>
            <dt>Subvention retenue</dt>
            <dd>{view.retained}</dd>
          </div>
        ) : null}
      </dl>
      {view.correctionNote ? (
        <p className="notice notice--info" role="note">
          Dernière correction demandée&nbsp;: {view.correctionNote}
        </p>
      ) : null}
      {view.reading ? (
        <ReportReading reading={view.reading} threshold={view.threshold} />
      ) : (
        <p>L’association n’a pas encore envoyé ce compte rendu.</p>
      )}
      <h2>Pièces et document</h2>
      <ul>
        {view.pieces.map((piece) => (
          <li key={piece.id}>
            {piece.label}&nbsp;:{" "}
            <a href={`/instruction/dossiers/${view.dossierId}/pieces/${piece.id}`} download>
              {piece.fileName}
            </a>{" "}
            ({piece.size})
          </li>
        ))}
        {view.pdf ? (
          <li>
            <a href={view.pdf} download>
              Compte rendu envoyé (PDF)
            </a>
          </li>
        ) : null}
        {view.pieces.length === 0 && !view.pdf ? <li>Aucune pièce pour l’instant.</li> : null}
      </ul>
      {view.canApprove && view.approval ? (
        <Form method="post" noValidate>
          <h2>Approuver le compte rendu</h2>
          <p>{view.effects.APPROVE}</p>
          <p>Déjà versé ou engagé sur la période (hors solde)&nbsp;: {view.approval.committed}.</p>
          {view.approval.editable ? (
            <InputField
              name="retainedAmount"
              label="Subvention retenue pour la période (en euros)"
              hint={view.approval.explanation}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={
                result?.intent === "APPROVE"
                  ? (result.values?.retainedAmount ?? "")
                  : view.approval.retainedInput
              }
              error={errors.retainedAmount}
              required
            />
          ) : (
            <p>
              Subvention retenue, calculée&nbsp;: <strong>{view.approval.retained}</strong> —{" "}
              {view.approval.explanation}
            </p>
          )}
          <p className="form-actions">
            <button type="submit" name="intent" value="APPROVE" className="button">
              Approuver le compte rendu
            </button>
          </p>
        </Form>
      ) : null}
      {view.canAskCorrection ? (
        <Form method="post" noValidate>
          <h2>Demander une correction</h2>
          <p>{view.effects.ASK_CORRECTION}</p>
          <TextAreaField
            name="reason"
            label="Ce qu’il faut corriger"
            rows={4}
            maxLength={4000}
            defaultValue={result?.intent === "ASK_CORRECTION" ? (result.values?.reason ?? "") : ""}
            error={errors.reason}
            required
          />
          <p className="form-actions">
            <button type="submit" name="intent" value="ASK_CORRECTION" className="button button--secondary">
              Demander une correction
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
