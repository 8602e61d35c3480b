// A payment of a granted dossier, for the association: what is due, whether it may be asked yet and why not,
// the proofs the rule set requires, and the request form (multipart, works without JavaScript). After a
// correction request, the instructor's note and the form again with what was sent.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import {
  PaymentDeclarationFields,
  PaymentFacts,
  PaymentFiles,
  PaymentHistory,
} from "~/components/post-grant/payment";
import { InputField } from "~/components/form-field";
import { db } from "~/db.server";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES, formatBytes } from "~/domain/uploads";
import { env } from "~/env.server";
import { appUrl } from "~/env.server";
import { applicantPaymentPage } from "~/services/post-grant/payment-pages.server";
import { requestPayment } from "~/services/post-grant/payment-requests.server";
import { requestFileFields } from "~/services/post-grant/payments.server";
import { MAX_PROOF_FILES, proofField } from "~/domain/post-grant/payment-request";
import { replyTo } from "~/services/platform/http.server";
import { readMultipartForm } from "~/services/platform/multipart.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { formValues, type ActionResult } from "~/domain/forms";

const CONFIRMATIONS: Record<string, string> = {
  demande: "Votre demande de versement a été transmise au service instructeur de la Région.",
  renvoyee: "Votre demande complétée a été transmise au service instructeur de la Région.",
};

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? `${loaded.payment.name} — ${loaded.dossier.number}` : "Versement"} — Portail ESS Centre-Val de Loire`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const page = await applicantPaymentPage(db, user.id, params.id ?? "", params.position ?? "");
  const message = new URL(request.url).searchParams.get("message");
  return {
    ...page,
    accepted: ACCEPTED_TYPES.map((type) => type.label).join(", "),
    maxSize: formatBytes(env().uploadMaxBytes),
    confirmation: message ? (CONFIRMATIONS[message] ?? null) : null,
  };
}

type Result = ActionResult<Record<string, string>>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossierId = params.id ?? "";
  const position = params.position ?? "";
  let values: Record<string, string> = {};
  try {
    const fileFields = await requestFileFields(db, user.id, dossierId, position);
    const { form, files, extraFiles } = await readMultipartForm(request, {
      fileFields,
      maxFiles: MAX_PROOF_FILES,
    });
    values = formValues(form) as Record<string, string>;
    const move = values.intent === "RESUBMIT" ? "RESUBMIT" : values.intent === "REQUEST" ? "REQUEST" : null;
    if (!move)
      return data<Result>(
        { errors: { form: "Action inconnue. Rechargez la page et réessayez." }, values },
        { status: 400 },
      );
    const done = await requestPayment(db, storage(), {
      userId: user.id,
      dossierId,
      position,
      move,
      values,
      files,
      extraFiles,
      appUrl: appUrl(),
      ip: context.clientIp ?? null,
    });
    return redirect(
      `/dossiers/${dossierId}/versements/${done.position}?message=${move === "REQUEST" ? "demande" : "renvoyee"}`,
    );
  } catch (error) {
    return replyTo(error, { values });
  }
}

export default function DossierPayment() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { form } = page;
  const values = result?.values ?? {};
  const errors = result?.errors;
  return (
    <section aria-labelledby="titre-versement">
      <h2 id="titre-versement">{page.payment.name}</h2>
      <div role="status">
        {page.confirmation ? <p className="notice notice--success">{page.confirmation}</p> : null}
      </div>
      <PaymentFacts page={page} audience="applicant" />
      {page.payment.correctionNote ? (
        <div className="notice notice--warning">
          <p className="notice__title">Le service instructeur vous demande de compléter votre demande</p>
          <p>{page.payment.correctionNote}</p>
        </div>
      ) : null}
      {page.blocked ? (
        <p className="notice notice--info">Ce versement ne peut pas encore être demandé. {page.blocked}</p>
      ) : null}
      {!form && page.proofs.length > 0 && page.payment.status === "EXPECTED" ? (
        <p>
          Justificatifs à joindre à la demande{"\u00a0"}:{" "}
          {page.proofs.map((proof) => proof.label).join("\u202f; ")}.
        </p>
      ) : null}
      {page.files.length > 0 ? (
        <PaymentFiles files={page.files} href={(id) => `/dossiers/${page.dossier.id}/pieces/${id}`} />
      ) : null}
      {form ? (
        <Form method="post" encType="multipart/form-data" className="instruction-form" noValidate>
          <h3>{form.move === "RESUBMIT" ? "Compléter et renvoyer la demande" : "Demander le versement"}</h3>
          <ErrorSummary errors={errors} />
          <input type="hidden" name="intent" value={form.move} />
          <PaymentDeclarationFields
            kind={page.declarationKind}
            form={form}
            values={values}
            errors={errors ?? {}}
          />
          <InputField
            name="amount"
            label="Montant demandé"
            hint={
              page.declarationKind === "NONE"
                ? `En euros, au plus ${page.due.amount}. Laissé vide, ce montant est demandé.`
                : "En euros. Laissé vide, le montant dû est demandé\u202f: il est recalculé d’après votre déclaration ci-dessus."
            }
            inputMode="decimal"
            className="field__input field__input--short"
            defaultValue={values.amount ?? form.amount}
            error={errors?.amount}
          />
          <fieldset>
            <legend>Justificatifs</legend>
            <p className="field__hint">
              Formats acceptés : {page.accepted}. Taille maximale : {page.maxSize} par fichier.
            </p>
            {page.proofs.map((proof) => {
              const sent = form.attachedKinds.includes(proof.kind);
              return (
                <InputField
                  key={proof.kind}
                  name={proofField(proof.kind)}
                  type="file"
                  accept={ACCEPT_ATTRIBUTE}
                  label={proof.label}
                  required={!sent}
                  hint={
                    sent
                      ? "Déjà jointe à votre demande\u202f: ajoutez un fichier seulement pour la compléter."
                      : undefined
                  }
                  error={errors?.[proofField(proof.kind)]}
                />
              );
            })}
            <InputField
              name={proofField("OTHER")}
              type="file"
              accept={ACCEPT_ATTRIBUTE}
              label="Autre pièce utile (facultatif)"
              error={errors?.[proofField("OTHER")]}
            />
          </fieldset>
          <p className="field__hint">{form.effects}</p>
          <p className="form-actions">
            <button type="submit" className="button">
              {form.label}
            </button>
          </p>
        </Form>
      ) : null}
      <PaymentHistory history={page.history} />
    </section>
  );
}
