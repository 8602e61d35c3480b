// The repayments of an equity advance, for the instructor: where it stands, the schedule in force and its
// history; record a repayment received (date, amount, reference: partial or grouped, allocated to the oldest
// instalments first); grant a rescheduling (avenant) within the rule set's ceiling, or refuse it with a reason.
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
import { AdvanceDetails, AdvanceDocuments, AdvanceSummary } from "~/components/post-grant/advance";
import { db } from "~/db.server";
import type { ActionResult } from "~/domain/forms";
import { appUrl } from "~/env.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { recordRepayment } from "~/services/post-grant/advance-repayments.server";
import { decideRescheduling } from "~/services/post-grant/advance-rescheduling.server";
import { advanceForStaff, staffAdvancePage } from "~/services/post-grant/advance-views.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `Remboursements de l’avance — ${loaded?.number ?? ""} — Instruction — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  recu: "Le remboursement est enregistré et imputé sur les échéances les plus anciennes.",
  accorde: "Le rééchelonnement est accordé : l’avenant et le nouvel échéancier sont envoyés à l’association.",
  refuse: "Le refus du rééchelonnement est envoyé à l’association.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const page = await staffAdvancePage(db, user, params.id ?? "", new Date());
  const message = new URL(request.url).searchParams.get("message");
  return {
    ...page,
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

type Result = ActionResult<Record<string, string> | undefined, string>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const dossierId = params.id ?? "";
  // Scope first: outside it (or with no advance paid), the page does not exist, whatever the form says.
  await advanceForStaff(db, user, dossierId);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "intent") values[key] = value;
  const here = `/instruction/dossiers/${dossierId}/remboursements`;
  const ip = context.clientIp ?? null;
  try {
    if (intent === "repayment") {
      await recordRepayment(db, storage(), { actor: user, dossierId, values, appUrl: appUrl(), ip });
      return redirect(`${here}?message=recu`);
    }
    if (intent === "grant" || intent === "refuse") {
      await decideRescheduling(db, storage(), {
        actor: user,
        dossierId,
        reschedulingId: values.reschedulingId ?? "",
        decision: intent === "grant" ? "GRANT" : "REFUSE",
        note: values.note ?? "",
        appUrl: appUrl(),
        ip,
      });
      return redirect(`${here}?message=${intent === "grant" ? "accorde" : "refuse"}`);
    }
    return data<Result>(
      { intent, errors: { form: "Action inconnue : rechargez la page." } },
      { status: 400 },
    );
  } catch (error) {
    return replyTo(error, { intent, values });
  }
}

export default function StaffAdvancePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const typed = (intent: string, name: string, fallback: string) =>
    result?.intent === intent ? (result.values?.[name] ?? fallback) : fallback;
  const pending = page.reschedulings.find((item) => item.pending);
  return (
    <div className="instruction-dossier">
      <p className="breadcrumb">
        <Link to={`/instruction/dossiers/${page.dossierId}`}>Dossier {page.number}</Link>
      </p>
      <h1>Remboursements de l’avance</h1>
      <p>
        {page.number} — {page.title}
      </p>
      <div role="status">
        {page.confirmation && !result ? <p className="notice notice--success">{page.confirmation}</p> : null}
      </div>
      <ErrorSummary
        errors={result?.errors}
        labels={{
          receivedOn: "Date de réception",
          amount: "Montant reçu",
          reference: "Référence",
          note: "Motif",
        }}
        fieldId={(field) => (field === "form" ? undefined : field)}
      />
      <AdvanceSummary summary={page.summary} />
      <AdvanceDocuments documents={page.documents} level={2} />
      {page.open ? (
        <Form method="post" noValidate>
          <h2>Enregistrer un remboursement reçu</h2>
          <p>Un remboursement partiel ou groupé est imputé sur les échéances les plus anciennes d’abord.</p>
          <InputField
            name="receivedOn"
            label="Date de réception"
            type="date"
            max={page.today}
            defaultValue={typed("repayment", "receivedOn", page.today)}
            error={result?.intent === "repayment" ? errors.receivedOn : undefined}
            required
          />
          <InputField
            name="amount"
            label="Montant reçu (en euros)"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={typed("repayment", "amount", "")}
            error={result?.intent === "repayment" ? errors.amount : undefined}
            required
          />
          <InputField
            name="reference"
            label="Référence (titre de recette, encaissement)"
            autoComplete="off"
            defaultValue={typed("repayment", "reference", "")}
            error={result?.intent === "repayment" ? errors.reference : undefined}
            required
          />
          <p className="form-actions">
            <button type="submit" name="intent" value="repayment" className="button">
              Enregistrer le remboursement
            </button>
          </p>
        </Form>
      ) : null}
      {pending && page.open ? (
        <Form method="post" noValidate>
          <h2>Demande de rééchelonnement à décider</h2>
          <p>
            Demandée le {pending.askedOn}&nbsp;: {pending.terms}. Motif&nbsp;: {pending.reason}
          </p>
          <ul>
            {pending.evidence.map((file) => (
              <li key={file.id}>
                <a href={`/instruction/dossiers/${page.dossierId}/pieces/${file.id}`}>{file.fileName}</a>
              </li>
            ))}
          </ul>
          <p>
            Le nouvel échéancier doit s’achever au plus tard {page.maxRescheduledMonths}&nbsp;mois après le
            versement de l’avance.
          </p>
          <input type="hidden" name="reschedulingId" value={pending.id} />
          <TextAreaField
            name="note"
            label="Motif (obligatoire pour un refus)"
            rows={3}
            maxLength={2000}
            defaultValue={typed("refuse", "note", typed("grant", "note", ""))}
            error={errors.note}
          />
          <p className="form-actions">
            <button type="submit" name="intent" value="grant" className="button">
              Accorder le rééchelonnement
            </button>{" "}
            <button type="submit" name="intent" value="refuse" className="button button--secondary">
              Refuser
            </button>
          </p>
        </Form>
      ) : null}
      <AdvanceDetails view={page} level={2} />
    </div>
  );
}
