import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import {
  ORGANISATION_FIELD_LABELS,
  OrganisationForm,
  organisationFieldId,
  type OrganisationFormFieldName,
} from "~/components/organisation-form";
import { db } from "~/db.server";
import { formFields, organisationFormSchema } from "~/domain/organisation-schema";
import { safeRedirectPath } from "~/domain/roles";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { createOrganisation } from "~/services/applicant/organisations.server";
import { requireRole } from "~/session.server";
import { type ActionResult, parseForm } from "~/domain/forms";

export const meta: MetaFunction = () => [
  { title: "Déclarer une organisation – Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "APPLICANT");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const form = await readFormData(request);
  const values = formFields(form);
  const parsed = parseForm(organisationFormSchema, form, { depth: 1 });
  if (!parsed.ok) {
    return data<ActionResult>({ errors: parsed.errors, values }, { status: 400 });
  }
  try {
    const organisation = await createOrganisation(db, user.id, parsed.data);
    // Declared on the way to a dossier: back to it, with the questionnaire's answers still in its address.
    const back = safeRedirectPath(form.get("redirectTo"), "");
    return redirect(back || `/organisations/${organisation.id}?message=organisation-creee`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

export default function NewOrganisation() {
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const [searchParams] = useSearchParams();
  const redirectTo = safeRedirectPath(searchParams.get("redirectTo"), "");
  return (
    <div className="page">
      <h1>Déclarer une organisation</h1>
      <p>
        Décrivez l’association, la coopérative, l’entreprise ou la collectivité qui portera vos dossiers. Vous
        en deviendrez responsable et pourrez inviter d’autres personnes à y contribuer.
      </p>
      <p>Tous les champs sont obligatoires sauf mention contraire.</p>
      <ErrorSummary
        errors={errors}
        fieldId={(field) =>
          field in ORGANISATION_FIELD_LABELS
            ? organisationFieldId(field as OrganisationFormFieldName)
            : undefined
        }
      />
      <OrganisationForm
        values={result?.values ?? {}}
        errors={errors}
        submitLabel={redirectTo ? "Enregistrer l’organisation et continuer" : "Enregistrer l’organisation"}
        redirectTo={redirectTo}
      />
    </div>
  );
}
