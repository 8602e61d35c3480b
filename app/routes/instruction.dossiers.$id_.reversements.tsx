// Unspent money of a granted dossier: what was granted, paid and is finally due; the recovery the portal
// proposes, decided by the instructor (amount, reason, due date), which issues the « demande de
// reversement » emailed to the association; then the repayment recorded (date, reference).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary } from "~/components/error-summary";
import { InputField, TextAreaField } from "~/components/form-field";
import { db } from "~/db.server";
import { formatDate, formatEuros, formatEurosInput, parseEuros } from "~/domain/format";
import type { ActionResult } from "~/domain/forms";
import { addParisDays, paris, parisDay } from "~/domain/paris-time";
import { appUrl } from "~/env.server";
import { DossierStatus, RecoveryStatus } from "~/generated/prisma/enums";
import { getDossierForStaff } from "~/services/instruction/access.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import {
  issueRecovery,
  RECOVERY_DAYS,
  recoveriesView,
  settleRecovery,
} from "~/services/post-grant/recoveries.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Reversements — ${loaded?.number ?? ""} — Instruction — Portail ESS Centre-Val de Loire` },
];

const CONFIRMATIONS: Record<string, string> = {
  emis: "La demande de reversement est émise et envoyée à l’association.",
  regle: "Le reversement est enregistré comme reçu.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const { dossier, summary, documents } = await recoveriesView(db, user, params.id ?? "");
  const message = new URL(request.url).searchParams.get("message");
  return {
    dossierId: dossier.id,
    number: dossier.number,
    title: dossier.title,
    open: dossier.status === DossierStatus.GRANTED,
    totals: [
      { label: "Subvention accordée", value: formatEuros(summary.grantedCents) },
      { label: "Versé par la Région", value: formatEuros(summary.paidCents) },
      { label: "Subvention finalement due", value: formatEuros(summary.dueCents) },
      { label: "Déjà demandé en reversement", value: formatEuros(summary.askedCents) },
      { label: "Reste à demander en reversement", value: formatEuros(summary.proposedCents) },
    ],
    proposed: summary.proposedCents > 0 ? formatEurosInput(summary.proposedCents) : "",
    hasProposal: summary.proposedCents > 0,
    // What may still be asked back, whatever the reason: the money paid and not yet asked for.
    recoverable: summary.paidCents - summary.askedCents > 0,
    recoverableAmount: formatEuros(Math.max(0, summary.paidCents - summary.askedCents)),
    defaultDueDate: parisDay(addParisDays(new Date(), RECOVERY_DAYS)),
    today: parisDay(new Date()),
    recoveries: summary.state.recoveries.map((recovery) => ({
      id: recovery.id,
      amount: formatEuros(recovery.amountCents),
      reason: recovery.reason,
      decidedOn: formatDate(recovery.decidedAt),
      dueDate: formatDate(recovery.dueDate),
      settled: recovery.status === RecoveryStatus.SETTLED,
      settledOn: recovery.settledAt ? formatDate(recovery.settledAt) : null,
      reference: recovery.settledReference,
    })),
    hasOrder: documents.length > 0,
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Indiquez une date (jj/mm/aaaa)." });

type Result = ActionResult<Record<string, string> | undefined, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const dossierId = params.id ?? "";
  // Scope first: outside it, the dossier does not exist, whatever the form says.
  await getDossierForStaff(db, user, dossierId);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "intent") values[key] = value;
  const here = `/instruction/dossiers/${dossierId}/reversements`;
  const refuse = (errors: Record<string, string>) =>
    data<Result>({ intent, errors, values }, { status: 422 });
  try {
    if (intent === "issue") {
      const amount = parseEuros(values.amount ?? "");
      if (!amount.ok) return refuse({ amount: amount.error });
      const due = day.safeParse(values.dueDate ?? "");
      if (!due.success) return refuse({ dueDate: "Indiquez la date limite de reversement." });
      await issueRecovery(db, storage(), {
        actor: user,
        dossierId,
        amountCents: amount.cents,
        reason: values.reason ?? "",
        dueDate: paris(`${due.data}T23:59`),
        appUrl: appUrl(),
      });
      return redirect(`${here}?message=emis`);
    }
    if (intent === "settle") {
      const on = day.safeParse(values.settledOn ?? "");
      if (!on.success) return refuse({ settledOn: "Indiquez la date de réception du reversement." });
      await settleRecovery(db, {
        actor: user,
        dossierId,
        recoveryId: values.recoveryId ?? "",
        settledOn: paris(`${on.data}T12:00`),
        reference: values.reference ?? "",
        appUrl: appUrl(),
      });
      return redirect(`${here}?message=regle`);
    }
    return data<Result>(
      { intent, errors: { form: "Action inconnue : rechargez la page." } },
      { status: 400 },
    );
  } catch (error) {
    return replyTo(error, { intent, values });
  }
}

export default function RecoveriesPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const typed = (intent: string, name: string, fallback: string) =>
    result?.intent === intent ? (result.values?.[name] ?? fallback) : fallback;
  return (
    <div className="instruction-dossier">
      <p className="breadcrumb">
        <Link to={`/instruction/dossiers/${view.dossierId}`}>Dossier {view.number}</Link>
      </p>
      <h1>Reversements</h1>
      <p>
        {view.number} — {view.title}
      </p>
      <div role="status">
        {view.confirmation && !result ? <p className="notice notice--success">{view.confirmation}</p> : null}
      </div>
      <ErrorSummary
        errors={result?.errors}
        labels={{
          amount: "Montant à reverser",
          reason: "Motif",
          dueDate: "Date limite",
          settledOn: "Date de réception",
          reference: "Référence",
        }}
        fieldId={(field) => (field === "form" ? undefined : field)}
      />
      <dl className="key-values">
        {view.totals.map((item) => (
          <div key={item.label}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
      {view.hasOrder ? (
        <p>
          <a href={`/instruction/dossiers/${view.dossierId}/documents/reversement`} download>
            Dernière demande de reversement (PDF)
          </a>
        </p>
      ) : null}
      <h2>Reversements décidés</h2>
      {view.recoveries.length === 0 ? <p>Aucun reversement décidé.</p> : null}
      {view.recoveries.map((recovery) => (
        <section key={recovery.id} className="report-line" aria-label={`Reversement de ${recovery.amount}`}>
          <p>
            <strong>{recovery.amount}</strong> décidé le {recovery.decidedOn}, à reverser avant le{" "}
            {recovery.dueDate}. Motif&nbsp;: {recovery.reason}
          </p>
          {recovery.settled ? (
            <p>
              Reçu le {recovery.settledOn} (référence {recovery.reference}).
            </p>
          ) : view.open ? (
            <Form method="post" noValidate>
              <input type="hidden" name="recoveryId" value={recovery.id} />
              <InputField
                name="settledOn"
                label="Date de réception du reversement"
                type="date"
                max={view.today}
                defaultValue={typed("settle", "settledOn", view.today)}
                error={result?.intent === "settle" ? errors.settledOn : undefined}
                required
              />
              <InputField
                name="reference"
                label="Référence (titre de recette, encaissement)"
                autoComplete="off"
                defaultValue={typed("settle", "reference", "")}
                error={result?.intent === "settle" ? errors.reference : undefined}
                required
              />
              <p className="form-actions">
                <button type="submit" name="intent" value="settle" className="button">
                  Enregistrer le reversement reçu
                </button>
              </p>
            </Form>
          ) : null}
        </section>
      ))}
      {view.open && !view.recoverable ? (
        <>
          <h2>Décider un reversement</h2>
          <p>
            Aucun reversement ne peut être décidé&nbsp;: tout ce que la Région a versé est déjà demandé en
            reversement, ou rien n’a encore été versé.
          </p>
        </>
      ) : null}
      {view.open && view.recoverable ? (
        <Form method="post" noValidate>
          <h2>Décider un reversement</h2>
          <p>
            {view.hasProposal
              ? "Le portail propose le montant versé au-delà de la subvention finalement due."
              : `Rien de ce qui a été versé au-delà de la subvention finalement due ne reste à demander. Pour un autre motif (emploi non conforme, projet abandonné), un reversement peut être décidé dans la limite de ${view.recoverableAmount} versés et non encore demandés.`}{" "}
            La demande de reversement (PDF) est envoyée par e-mail à l’association.
          </p>
          <InputField
            name="amount"
            label="Montant à reverser (en euros)"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={typed("issue", "amount", view.proposed)}
            error={result?.intent === "issue" ? errors.amount : undefined}
            required
          />
          <TextAreaField
            name="reason"
            label="Motif"
            rows={3}
            maxLength={2000}
            defaultValue={typed("issue", "reason", "")}
            error={result?.intent === "issue" ? errors.reason : undefined}
            required
          />
          <InputField
            name="dueDate"
            label="Date limite de reversement"
            hint="Par défaut, 30 jours après aujourd’hui."
            type="date"
            defaultValue={typed("issue", "dueDate", view.defaultDueDate)}
            error={result?.intent === "issue" ? errors.dueDate : undefined}
            required
          />
          <p className="form-actions">
            <button type="submit" name="intent" value="issue" className="button">
              Émettre la demande de reversement
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
