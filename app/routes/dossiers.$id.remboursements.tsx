// The repayments of an equity advance, for the association: where it stands (repaid, outstanding, late),
// the schedule in force and its history, the documents; declare a repayment ahead of schedule when the EU
// grant arrives early; ask for a rescheduling when the EU payment is late, with the paying agency's evidence.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField, SelectField, TextAreaField } from "~/components/form-field";
import { AdvanceDetails, AdvanceDocuments, AdvanceSummary } from "~/components/post-grant/advance";
import { db } from "~/db.server";
import { formValues, type ActionResult } from "~/domain/forms";
import { EVIDENCE_FIELD } from "~/domain/post-grant/repayments";
import { ACCEPT_ATTRIBUTE } from "~/domain/uploads";
import { appUrl } from "~/env.server";
import { replyTo } from "~/services/platform/http.server";
import { readMultipartForm } from "~/services/platform/multipart.server";
import { declareEarlyRepayment } from "~/services/post-grant/advance-repayments.server";
import { requestRescheduling } from "~/services/post-grant/advance-rescheduling.server";
import { advanceForMember, applicantAdvancePage } from "~/services/post-grant/advance-views.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Remboursements de l’avance — ${loaded?.number ?? ""} — Portail ESS Centre-Val de Loire` },
];

const CONFIRMATIONS: Record<string, string> = {
  anticipe: "Votre remboursement anticipé est enregistré ; les échéances restantes sont recalculées.",
  demande: "Votre demande de rééchelonnement est transmise au service instructeur de la Région.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const page = await applicantAdvancePage(db, user.id, params.id ?? "", new Date());
  const message = new URL(request.url).searchParams.get("message");
  return {
    ...page,
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

type Result = ActionResult<Record<string, string>, string>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossierId = params.id ?? "";
  let values: Record<string, string> = {};
  let intent = "";
  try {
    // A stranger's upload is not even read, nor one on a dossier with no advance paid.
    await advanceForMember(db, user.id, dossierId);
    const { form, files } = await readMultipartForm(request, { fileFields: [EVIDENCE_FIELD] });
    values = formValues(form) as Record<string, string>;
    intent = values.intent ?? "";
    const here = `/dossiers/${dossierId}/remboursements`;
    const ip = context.clientIp ?? null;
    if (intent === "early") {
      await declareEarlyRepayment(db, storage(), {
        userId: user.id,
        dossierId,
        values,
        appUrl: appUrl(),
        ip,
      });
      return redirect(`${here}?message=anticipe`);
    }
    if (intent === "reschedule") {
      await requestRescheduling(db, storage(), { userId: user.id, dossierId, values, files, ip });
      return redirect(`${here}?message=demande`);
    }
    return data<Result>(
      { intent, errors: { form: "Action inconnue. Rechargez la page et réessayez." }, values },
      { status: 400 },
    );
  } catch (error) {
    return replyTo(error, { intent, values });
  }
}

const FREQUENCY_OPTIONS = [
  { value: "1", label: "Mensuelle" },
  { value: "3", label: "Trimestrielle" },
  { value: "6", label: "Semestrielle" },
  { value: "12", label: "Annuelle" },
];

export default function ApplicantAdvancePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const typed = (intent: string, name: string, fallback: string) =>
    result?.intent === intent ? (result.values?.[name] ?? fallback) : fallback;
  const on = (intent: string, name: string) => (result?.intent === intent ? errors[name] : undefined);
  return (
    <section aria-labelledby="titre-remboursements">
      <h2 id="titre-remboursements">Remboursements de l’avance</h2>
      <div role="status">
        {page.confirmation && !result ? <p className="notice notice--success">{page.confirmation}</p> : null}
      </div>
      <ErrorSummary
        errors={result?.errors}
        labels={{
          receivedOn: "Date du virement",
          amount: "Montant",
          reference: "Référence",
          reason: "Motif",
          firstDueDate: "Première échéance",
          frequencyMonths: "Périodicité",
          count: "Nombre d’échéances",
          [EVIDENCE_FIELD]: "Justificatif",
        }}
        fieldId={(field) => (field === "form" ? undefined : field)}
      />
      <AdvanceSummary summary={page.summary} />
      <AdvanceDocuments documents={page.documents} level={3} />
      {page.open ? (
        <Form method="post" encType="multipart/form-data" noValidate>
          <h3>Déclarer un remboursement anticipé</h3>
          <p>
            La subvention européenne est arrivée plus tôt que prévu&nbsp;? Remboursez tout ou partie de
            l’avance par virement, puis déclarez-le ici&nbsp;: les échéances restantes sont recalculées.
          </p>
          <InputField
            name="receivedOn"
            label="Date du virement"
            type="date"
            max={page.today}
            defaultValue={typed("early", "receivedOn", page.today)}
            error={on("early", "receivedOn")}
            required
          />
          <InputField
            name="amount"
            label="Montant remboursé (en euros)"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={typed("early", "amount", "")}
            error={on("early", "amount")}
            required
          />
          <InputField
            name="reference"
            label="Référence du virement"
            autoComplete="off"
            defaultValue={typed("early", "reference", "")}
            error={on("early", "reference")}
            required
          />
          <p className="form-actions">
            <button type="submit" name="intent" value="early" className="button">
              Déclarer le remboursement anticipé
            </button>
          </p>
        </Form>
      ) : null}
      {page.open && !page.pendingRescheduling ? (
        <Form method="post" encType="multipart/form-data" noValidate>
          <h3>Demander un rééchelonnement</h3>
          <p>
            Le versement européen est retardé&nbsp;? Proposez un nouvel échéancier pour le reste à rembourser,
            qui doit s’achever au plus tard {page.maxRescheduledMonths}&nbsp;mois après le versement de
            l’avance.
          </p>
          <TextAreaField
            name="reason"
            label="Motif du retard"
            rows={3}
            maxLength={2000}
            defaultValue={typed("reschedule", "reason", "")}
            error={on("reschedule", "reason")}
            required
          />
          <InputField
            name="firstDueDate"
            label="Date de la première échéance"
            type="date"
            defaultValue={typed("reschedule", "firstDueDate", "")}
            error={on("reschedule", "firstDueDate")}
            required
          />
          <SelectField
            name="frequencyMonths"
            label="Périodicité"
            options={FREQUENCY_OPTIONS}
            defaultValue={typed("reschedule", "frequencyMonths", "3")}
            error={on("reschedule", "frequencyMonths")}
          />
          <InputField
            name="count"
            label="Nombre d’échéances"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={typed("reschedule", "count", "")}
            error={on("reschedule", "count")}
            required
          />
          <InputField
            name={EVIDENCE_FIELD}
            label="Justificatif de l’autorité de paiement européenne"
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            error={on("reschedule", EVIDENCE_FIELD)}
            required
          />
          <p className="form-actions">
            <button type="submit" name="intent" value="reschedule" className="button">
              Envoyer la demande de rééchelonnement
            </button>
          </p>
        </Form>
      ) : null}
      <AdvanceDetails view={page} level={3} />
    </section>
  );
}
