// The association's financial report of a financed period (Cerfa 15059 layout): the form, saved as a draft
// or sent with its pieces; once sent, the report as read with its PDF; after a correction request, the
// instructor's note and the form again. Works without JavaScript (one multipart form, two buttons).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { ReportForm } from "~/components/post-grant/report-form";
import { ReportReading } from "~/components/post-grant/report-reading";
import { reportReading } from "~/components/post-grant/report-view";
import { db } from "~/db.server";
import { formatDate, formatDateInWords, formatEuros, parseEuros } from "~/domain/format";
import type { ActionResult } from "~/domain/forms";
import {
  actualField,
  ELIGIBLE_EXPENSES_FIELD,
  explanationField,
  formatGapEuros,
  formatGapPercent,
  IN_KIND_FIELD,
  lineGap,
  REPORT_TEXT_FIELDS,
  reportIndicators,
} from "~/domain/post-grant/report";
import { REPORT_STATUS_LABELS, reportOverdue } from "~/domain/post-grant/report-workflow";
import { ACCEPTED_TYPES, formatBytes } from "~/domain/uploads";
import { appUrl, env } from "~/env.server";
import { ReportStatus, SchemeCode } from "~/generated/prisma/enums";
import { replyTo } from "~/services/platform/http.server";
import { readMultipartForm } from "~/services/platform/multipart.server";
import { periodParam } from "~/services/post-grant/report-context.server";
import { saveReportDraft, submitReport } from "~/services/post-grant/report-submission.server";
import { reportView } from "~/services/post-grant/reports.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Compte rendu financier (${loaded?.periodLabel ?? ""}) — Portail ESS Centre-Val de Loire` },
];

const CONFIRMATIONS: Record<string, string> = {
  enregistre: "Votre brouillon est enregistré.",
  envoye: "Votre compte rendu financier est envoyé au service instructeur de la Région.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const period = periodParam(params.period);
  const view = await reportView(db, { userId: user.id }, params.id ?? "", period);
  const { dossier, report, terms, context, values } = view;
  const editable = report.status === ReportStatus.DUE || report.status === ReportStatus.CORRECTION_REQUESTED;
  const now = new Date();
  const message = new URL(request.url).searchParams.get("message");
  const lines = context.lines.map((line) => {
    const typed = values[actualField(line.id)];
    const parsed = typed ? parseEuros(typed) : null;
    const gap = parsed?.ok ? lineGap(line.amountCents, parsed.cents, terms.thresholdPercent) : null;
    return {
      id: line.id,
      side: line.side,
      label: line.label,
      forecast: formatEuros(line.amountCents),
      actualName: actualField(line.id),
      explanationName: explanationField(line.id),
      gap: gap ? `${formatGapEuros(gap.gapCents)} (${formatGapPercent(gap.gapPercent)})` : null,
      beyondThreshold: gap?.beyondThreshold ?? false,
    };
  });
  return {
    dossierId: dossier.id,
    number: dossier.number,
    period,
    periodLabel: view.periodLabel,
    status: REPORT_STATUS_LABELS[report.status],
    editable,
    periodText: `du ${formatDate(report.periodStart)} au ${formatDate(report.periodEnd)}`,
    dueText: `${reportOverdue(report, now) ? "était à remettre" : "à remettre au plus tard"} le ${formatDateInWords(report.dueDate)}`,
    periodAmount: formatEuros(view.periodAmountCents),
    correctionNote: report.status === ReportStatus.CORRECTION_REQUESTED ? report.correctionNote : null,
    submittedAt: report.submittedAt ? formatDateInWords(report.submittedAt) : null,
    retained:
      report.status === ReportStatus.APPROVED && report.retainedAmountCents !== null
        ? formatEuros(report.retainedAmountCents)
        : null,
    reading: !editable && view.submitted ? reportReading(view.submitted) : null,
    pdf: view.document ? `/dossiers/${dossier.id}/comptes-rendus/${period}/pdf` : null,
    form: {
      values,
      threshold: terms.thresholdPercent,
      textFields: Object.entries(REPORT_TEXT_FIELDS).map(([name, label]) => ({ name, label })),
      lines,
      indicators: Object.entries(reportIndicators(dossier.schemeCode)).map(([name, item]) => ({
        name,
        ...item,
      })),
      eligibleExpenses: dossier.schemeCode === SchemeCode.A_VOS_ID ? { name: ELIGIBLE_EXPENSES_FIELD } : null,
      inKindName: IN_KIND_FIELD,
      pieces: terms.attachments.map((required) => ({
        kind: required.kind,
        label: required.label,
        file: view.attachments.find((attachment) => attachment.kind === required.kind)?.fileName ?? null,
      })),
      accepted: ACCEPTED_TYPES.map((type) => type.label).join(", "),
      maxSize: formatBytes(env().uploadMaxBytes),
    },
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

type Result = ActionResult<Record<string, string> | undefined>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossierId = params.id ?? "";
  const period = periodParam(params.period);
  // Membership and the report first: a stranger's upload is not even read.
  const view = await reportView(db, { userId: user.id }, dossierId, period);
  const kinds = view.terms.attachments.map((item) => item.kind);
  let values: Record<string, string> = {};
  try {
    const { form, files } = await readMultipartForm(request, {
      fileFields: kinds.map((kind) => `piece_${kind}`),
      maxFiles: Math.max(1, kinds.length),
    });
    for (const [key, value] of form) if (typeof value === "string") values[key] = value;
    const intent = values.intent;
    delete values.intent;
    const input = {
      userId: user.id,
      dossierId,
      period,
      values,
      files: files.map((file) => ({ kind: file.field.slice("piece_".length), inspection: file.inspection })),
      appUrl: appUrl(),
    };
    if (intent === "save") {
      await saveReportDraft(db, storage(), input);
      return redirect(`/dossiers/${dossierId}/comptes-rendus/${period}?message=enregistre`);
    }
    if (intent === "SUBMIT") {
      await submitReport(db, storage(), input);
      return redirect(`/dossiers/${dossierId}/comptes-rendus/${period}?message=envoye`);
    }
    return data<Result>(
      { errors: { form: "Action inconnue : rechargez la page." }, values },
      { status: 400 },
    );
  } catch (error) {
    values = Object.fromEntries(Object.entries(values).filter(([key]) => key !== "intent"));
    return replyTo(error, { values });
  }
}

export default function ApplicantReportPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = { ...view.form.values, ...(result?.values ?? {}) };
  return (
    <section aria-labelledby="titre-compte-rendu">
      <p className="breadcrumb">
        <Link to={`/dossiers/${view.dossierId}`}>Retour au dossier</Link>
      </p>
      <h2 id="titre-compte-rendu">Compte rendu financier — {view.periodLabel}</h2>
      <div role="status">
        {view.confirmation && !result ? <p className="notice notice--success">{view.confirmation}</p> : null}
      </div>
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
          <dt>Subvention de la période</dt>
          <dd>{view.periodAmount}</dd>
        </div>
        <div>
          <dt>Échéance</dt>
          <dd>{view.submittedAt && !view.editable ? `envoyé le ${view.submittedAt}` : view.dueText}</dd>
        </div>
        {view.retained ? (
          <div>
            <dt>Subvention finalement due</dt>
            <dd>{view.retained}</dd>
          </div>
        ) : null}
      </dl>
      {view.pdf ? (
        <p>
          <a href={view.pdf} download>
            Télécharger le compte rendu envoyé (PDF)
          </a>
        </p>
      ) : null}
      {view.correctionNote ? (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>Correction demandée par le service instructeur&nbsp;:</strong>
          </p>
          <p className="preserve-lines">{view.correctionNote}</p>
        </div>
      ) : null}
      {view.editable ? (
        <>
          <ErrorSummary errors={result?.errors} fieldId={(field) => (field === "form" ? undefined : field)} />
          <ReportForm {...view.form} values={values} errors={result?.errors ?? {}} />
        </>
      ) : view.reading ? (
        <ReportReading reading={view.reading} threshold={view.form.threshold} />
      ) : null}
    </section>
  );
}
