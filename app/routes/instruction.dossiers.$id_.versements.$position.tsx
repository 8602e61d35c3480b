// A payment of a granted dossier, for the instructor: the request, the declaration, the proofs to download,
// the amount recomputed from the rule-set version the dossier was granted under, and one form for each move
// the instructor may make, with what it does. Refusals come back beside the fields, nothing typed lost.
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
import {
  PaymentDeclaration,
  PaymentFacts,
  PaymentFiles,
  PaymentHistory,
} from "~/components/post-grant/payment";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { formValues, type ActionResult } from "~/domain/forms";
import { parisDay } from "~/domain/paris-time";
import { staffPaymentPage } from "~/services/post-grant/payment-pages.server";
import { decidePayment } from "~/services/post-grant/payment-decisions.server";
import { MAX_MANDATE_LENGTH, MAX_REASON_LENGTH } from "~/domain/post-grant/payment-request";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

const MOVES = ["ASK_CORRECTION", "APPROVE", "RECORD_PAYMENT", "CANCEL"] as const;
type Move = (typeof MOVES)[number];

const CONFIRMATIONS: Record<string, string> = {
  ASK_CORRECTION: "La demande de complément a été envoyée à l’association.",
  APPROVE: "Le versement est approuvé\u202f: il figure dans l’export du service financier.",
  RECORD_PAYMENT: "Le paiement est enregistré\u202f; l’association est prévenue.",
  CANCEL: "Le versement est annulé\u202f; l’association est prévenue.",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? `${loaded.payment.name} — ${loaded.dossier.number}` : "Versement"} — Instruction — Portail ESS Centre-Val de Loire`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const page = await staffPaymentPage(db, user, params.id ?? "", params.position ?? "");
  const message = new URL(request.url).searchParams.get("message");
  return {
    ...page,
    today: parisDay(new Date()),
    confirmation: message && Object.hasOwn(CONFIRMATIONS, message) ? CONFIRMATIONS[message]! : null,
  };
}

type Result = ActionResult<Record<string, string>, string>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const values = formValues(await readFormData(request)) as Record<string, string>;
  // The cancellation's reason has a field of its own on the page (the complement's form is beside it).
  const fields = values.intent === "CANCEL" ? { ...values, reason: values.cancelReason ?? "" } : values;
  const intent = values.intent ?? "";
  if (!(MOVES as readonly string[]).includes(intent)) {
    return data<Result>(
      { intent, errors: { form: "Action inconnue. Rechargez la page et réessayez." }, values },
      { status: 400 },
    );
  }
  try {
    const done = await decidePayment(db, {
      storage: storage(),
      actor: user,
      dossierId: params.id ?? "",
      position: params.position ?? "",
      move: intent as Move,
      values: fields,
      appUrl: appUrl(),
      ip: context.clientIp ?? null,
    });
    return redirect(`/instruction/dossiers/${params.id}/versements/${done.position}?message=${intent}`);
  } catch (error) {
    return replyTo(error, { intent, values });
  }
}

export default function StaffPayment() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsOf = (move: string) => (result?.intent === move ? result.errors : undefined);
  const valueOf = (move: string, name: string, fallback = "") =>
    result?.intent === move ? (result.values?.[name] ?? fallback) : fallback;
  return (
    <div className="instruction-dossier">
      <p className="breadcrumb">
        <Link to={`/instruction/dossiers/${page.dossier.id}`}>
          Dossier {page.dossier.number} — {page.dossier.title}
        </Link>
      </p>
      <h1>
        {page.payment.name} <span className="heading-aside">({page.dossier.organisation})</span>
      </h1>
      <div role="status">
        {page.confirmation ? <p className="notice notice--success">{page.confirmation}</p> : null}
      </div>
      {result && !MOVES.includes(result.intent as Move) ? <ErrorSummary errors={result.errors} /> : null}
      <PaymentFacts page={page} audience="staff" />
      {page.needsReport && !page.reportApproved ? (
        <p className="notice notice--info">
          Le solde se verse une fois le compte rendu financier de la période approuvé.
        </p>
      ) : null}
      <PaymentDeclaration declaration={page.declaration} />
      {page.files.length > 0 ? (
        <PaymentFiles
          files={page.files}
          href={(id) => `/instruction/dossiers/${page.dossier.id}/pieces/${id}`}
        />
      ) : page.proofs.length > 0 ? (
        <p>Aucun justificatif n’a encore été envoyé.</p>
      ) : null}
      {page.moves.length > 0 ? <h2>Actions</h2> : null}
      {page.moves.map((move) => {
        const errors = errorsOf(move.name);
        // Two forms may ask a reason at once (complement, cancellation): each its own field.
        const reasonField = move.name === "CANCEL" ? "cancelReason" : "reason";
        return (
          <Form method="post" key={move.name} className="instruction-form" noValidate>
            <h3>{move.label}</h3>
            <ErrorSummary errors={errors} fieldId={(field) => (field === "reason" ? reasonField : field)} />
            <input type="hidden" name="intent" value={move.name} />
            <p className="field__hint">{move.effects}</p>
            {move.name === "APPROVE" ? (
              <InputField
                name="amount"
                label="Montant approuvé"
                hint={`En euros, au plus le montant demandé (${page.payment.requested ?? "—"}).`}
                inputMode="decimal"
                className="field__input field__input--short"
                defaultValue={valueOf(move.name, "amount", page.defaults.amount)}
                error={errors?.amount}
              />
            ) : null}
            {move.name === "RECORD_PAYMENT" ? (
              <>
                <InputField
                  name="paidOn"
                  type="date"
                  label="Date du paiement"
                  required
                  max={page.today}
                  className="field__input field__input--short"
                  defaultValue={valueOf(move.name, "paidOn")}
                  error={errors?.paidOn}
                />
                <InputField
                  name="paidAmount"
                  label="Montant payé"
                  hint={`En euros, au plus le montant approuvé (${page.payment.approved ?? "—"}).`}
                  inputMode="decimal"
                  className="field__input field__input--short"
                  defaultValue={valueOf(move.name, "paidAmount", page.defaults.paidAmount)}
                  error={errors?.paidAmount}
                />
                <InputField
                  name="mandateReference"
                  label="Référence du mandat de paiement"
                  required
                  maxLength={MAX_MANDATE_LENGTH}
                  defaultValue={valueOf(move.name, "mandateReference")}
                  error={errors?.mandateReference}
                />
              </>
            ) : null}
            {move.reasonRequired ? (
              <TextAreaField
                name={reasonField}
                label={
                  move.name === "CANCEL" ? "Motif de l’annulation" : "Ce que l’association doit compléter"
                }
                required
                rows={4}
                maxLength={MAX_REASON_LENGTH}
                defaultValue={valueOf(move.name, reasonField)}
                error={errors?.reason}
              />
            ) : null}
            <p className="form-actions">
              <button
                type="submit"
                className={move.name === "CANCEL" ? "button button--secondary" : "button"}
              >
                {move.label}
              </button>
            </p>
          </Form>
        );
      })}
      <PaymentHistory history={page.history} />
    </div>
  );
}
