// The agreement after the grant, for the association: read it, then accept it online (the owner types
// their name and capacity and ticks the declaration) or send the scan of the copy signed on paper. Members
// who are not owners read it and see who may accept.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import {
  AcceptanceForms,
  AcceptanceStatus,
  AgreementSummary,
  type AgreementActionResult,
} from "~/components/post-grant/agreement-acceptance";
import { db } from "~/db.server";
import { isUserError } from "~/domain/user-error";
import { AgreementSide } from "~/generated/prisma/enums";
import { acceptAgreement } from "~/services/post-grant/agreement.server";
import { requireAgreementOwner } from "~/services/post-grant/agreement-reads.server";
import { formErrors, readAcceptanceForm } from "~/services/post-grant/agreement-form.server";
import { agreementPage } from "~/services/post-grant/agreement-view.server";
import { replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { appUrl } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Convention ${loaded?.page.dossier.number ?? ""} — Portail ESS Centre-Val de Loire` },
];

const CONFIRMATIONS: Record<string, string> = {
  acceptee: "Votre acceptation de la convention est enregistrée. Le service instructeur en est averti.",
  "acceptee-complete":
    "Votre acceptation est enregistrée\u00a0: la convention est acceptée par les deux parties. Le certificat d’acceptation est à télécharger ci-dessous.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const page = await agreementPage(db, storage(), { kind: "holder", userId: user.id }, params.id ?? "");
  const message = new URL(request.url).searchParams.get("message");
  return { page, confirmation: message ? (CONFIRMATIONS[message] ?? null) : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossierId = params.id ?? "";
  // Before the body is read: a stranger's or a plain member's upload is not even looked at.
  await requireAgreementOwner(db, user.id, dossierId);
  let form: Awaited<ReturnType<typeof readAcceptanceForm>> | null = null;
  try {
    form = await readAcceptanceForm(request);
    const { complete } = await acceptAgreement(db, storage(), {
      dossierId,
      side: AgreementSide.HOLDER,
      method: form.method,
      actor: { id: user.id, role: user.role },
      signatoryName: form.signatoryName,
      signatoryRole: form.signatoryRole,
      declared: form.declared,
      scan: form.scan,
      documentId: form.documentId,
      ipAddress: context?.clientIp ?? null,
      userAgent: request.headers.get("User-Agent"),
      appUrl: appUrl(),
      now: new Date(),
    });
    return redirect(
      `/dossiers/${dossierId}/convention?message=${complete ? "acceptee-complete" : "acceptee"}`,
    );
  } catch (error) {
    const intent = form?.intent ?? "online";
    if (isUserError(error) && Object.keys(error.fieldErrors).length > 0) {
      return data<AgreementActionResult>(
        { intent, errors: formErrors(intent, error.fieldErrors), values: form?.values ?? {} },
        { status: error.status },
      );
    }
    return replyTo(error, { intent, values: form?.values ?? {} });
  }
}

export default function DossierAgreement() {
  const { page, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AgreementActionResult | undefined;
  return (
    <div className="agreement-page">
      <p>
        <Link to={page.dossier.href}>Retour au dossier</Link>
      </p>
      <h2 className="agreement-page__title">Convention du dossier {page.dossier.number}</h2>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {result?.errors.form ? (
        <p className="notice notice--error" role="alert">
          {result.errors.form}
        </p>
      ) : null}
      {!page.granted ? (
        <p className="notice notice--info">
          La convention sera proposée ici une fois l’aide accordée par la Commission permanente.
        </p>
      ) : (
        <>
          <AgreementSummary page={page} />
          <AcceptanceStatus page={page} />
          {page.canAccept ? (
            <AcceptanceForms page={page} result={result} who="Votre acceptation" />
          ) : !page.complete && !page.acceptances[0]?.accepted && !page.isOwner ? (
            <p className="notice notice--info">
              Seul un propriétaire de l’organisation peut accepter la convention en son nom
              {page.owners.length > 0 ? `\u00a0: ${page.owners.join(", ")}` : ""}. Vous pouvez la lire et la
              télécharger.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
