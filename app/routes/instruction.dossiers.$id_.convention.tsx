// The agreement after the grant, for Region staff: where each side's acceptance stands, and the form that
// records the Region's (online, with the signatory's name and capacity, or the scan of the signed copy).
// Once both sides have accepted, the certificate is issued and the payments and reports are planned.
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
import { StatusBadge } from "~/components/status-badge";
import { db } from "~/db.server";
import { isUserError } from "~/domain/user-error";
import { AgreementSide } from "~/generated/prisma/enums";
import { getDossierForStaff } from "~/services/instruction/access.server";
import { acceptAgreement } from "~/services/post-grant/agreement.server";
import { formErrors, readAcceptanceForm } from "~/services/post-grant/agreement-form.server";
import { agreementPage } from "~/services/post-grant/agreement-view.server";
import { replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { appUrl } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `Convention ${loaded?.page.dossier.number ?? ""} — Instruction — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  acceptee: "L’acceptation de la Région est enregistrée. Le bénéficiaire en est averti.",
  "acceptee-complete":
    "L’acceptation de la Région est enregistrée\u00a0: la convention est acceptée par les deux parties. Le certificat d’acceptation est établi et le calendrier des versements créé.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const page = await agreementPage(db, storage(), { kind: "staff", actor: user }, params.id ?? "");
  const message = new URL(request.url).searchParams.get("message");
  return { page, confirmation: message ? (CONFIRMATIONS[message] ?? null) : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, ["INSTRUCTOR", "ADMIN"]);
  const actor = { id: user.id, role: user.role };
  // Before the body is read: a dossier outside the instructor's scope is a 404, its upload never looked at.
  const dossier = await getDossierForStaff(db, actor, params.id ?? "");
  let form: Awaited<ReturnType<typeof readAcceptanceForm>> | null = null;
  try {
    form = await readAcceptanceForm(request);
    const { complete } = await acceptAgreement(db, storage(), {
      dossierId: dossier.id,
      side: AgreementSide.REGION,
      method: form.method,
      actor,
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
      `/instruction/dossiers/${dossier.id}/convention?message=${complete ? "acceptee-complete" : "acceptee"}`,
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

export default function InstructionAgreement() {
  const { page, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AgreementActionResult | undefined;
  return (
    <div className="agreement-page">
      <p className="breadcrumb">
        <Link to="/instruction">Instruction</Link> ›{" "}
        <Link to={page.dossier.href}>Dossier {page.dossier.number}</Link> › Convention
      </p>
      <h1>Convention — {page.dossier.title}</h1>
      <p className="dossier__meta">
        <StatusBadge status={page.dossier.status} /> <span>N° {page.dossier.number}</span> ·{" "}
        {page.dossier.organisationName} · {page.dossier.schemeName}
      </p>
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
          Ce dossier n’a pas reçu d’aide de la Commission permanente&nbsp;: il n’a pas de convention à
          accepter.
        </p>
      ) : (
        <>
          <AcceptanceStatus page={page} />
          {page.canAccept ? (
            <AcceptanceForms page={page} result={result} who="L’acceptation de la Région" />
          ) : null}
          <AgreementSummary page={page} />
        </>
      )}
    </div>
  );
}
