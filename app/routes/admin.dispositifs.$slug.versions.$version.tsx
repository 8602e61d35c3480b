// One version of a scheme's rules. Published: every parameter in words, read-only, with its effective date
// and deliberation. Draft: the edit form, what it would change on typical situations (from the saved draft),
// publication with its date and deliberation, and deletion.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { RuleSetDraftActions } from "~/components/admin/rule-set-draft-actions";
import { RuleSetForm } from "~/components/admin/rule-set-form";
import { RuleSetParameters } from "~/components/admin/rule-set-parameters";
import { RuleSetPreviewTable } from "~/components/admin/rule-set-preview-table";
import { versionLine } from "~/components/admin/rule-set-versions-table";
import { ErrorSummary } from "~/components/error-summary";
import { db } from "~/db.server";
import { formatDateTime } from "~/domain/format";
import { parisDay } from "~/domain/paris-time";
import { paymentTermsSentences } from "~/domain/schemes/rule-set-preview";
import {
  describeParameters,
  formValuesFromFormData,
  parametersToFormValues,
  type ParameterFormValues,
} from "~/domain/schemes/parameter-form";
import {
  deleteDraft,
  getRuleSetVersion,
  publishDraft,
  saveDraft,
  schemeOfSlug,
} from "~/services/admin/rule-sets.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  {
    title: `${page ? `${page.scheme.name}, version ${page.version.version}` : "Version introuvable"} — Administration — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  cree: "Le brouillon est créé\u00a0: il reprend les paramètres de la version précédente.",
  enregistre: "Le brouillon est enregistré. L’aperçu ci-dessous tient compte de vos modifications.",
  publie: "La version est publiée. Elle ne peut plus être modifiée.",
};

function versionOfParams(params: { slug?: string; version?: string }) {
  const scheme = schemeOfSlug(params.slug);
  if (!/^[1-9]\d{0,5}$/.test(params.version ?? "")) {
    throw new Response("Cette version des règles est introuvable.", { status: 404 });
  }
  return { ...scheme, version: Number(params.version) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const { code, slug, version } = versionOfParams(params);
  const now = new Date();
  const { scheme, summary, parameters, preview } = await getRuleSetVersion(db, code, version, now);
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  const isDraft = summary.state === "DRAFT";
  return {
    scheme: { code, slug, name: scheme.name },
    version: { ...versionLine(slug, summary), updatedAt: formatDateTime(summary.updatedAt) },
    confirmation: CONFIRMATIONS[done] ?? null,
    described: isDraft ? null : describeParameters(code, parameters),
    paymentTerms: paymentTermsSentences(code, parameters),
    draft: isDraft
      ? {
          values: parametersToFormValues(code, parameters),
          preview: preview ?? [],
          inForceVersion: scheme.inForce?.version ?? null,
          today: parisDay(now),
        }
      : null,
  };
}

type Result =
  | ActionResult<ParameterFormValues, "save">
  | ActionResult<{ effectiveDate: string; deliberation: string }, "publish">
  | ActionResult<undefined, "delete">;

const intentSchema = z.enum(["save", "publish", "delete"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const { code, slug, version } = versionOfParams(params);
  const form = await readFormData(request);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) {
    return data<Result>(
      {
        intent: "delete",
        errors: { form: "Cette action n’est pas reconnue\u00a0: rechargez la page et réessayez." },
      },
      { status: 400 },
    );
  }
  const target = { actorId: user.id, schemeCode: code, version };
  const here = `/admin/dispositifs/${slug}/versions/${version}`;
  const now = new Date();
  switch (intent.data) {
    case "save": {
      const values = formValuesFromFormData(code, form);
      try {
        await saveDraft(db, { ...target, values, now });
      } catch (error) {
        return replyTo(error, { intent: "save" as const, values });
      }
      return redirect(`${here}?fait=enregistre`);
    }
    case "publish": {
      const values = {
        effectiveDate: String(form.get("effectiveDate") ?? "").slice(0, 20),
        deliberation: String(form.get("deliberation") ?? "").slice(0, 500),
      };
      try {
        await publishDraft(db, { ...target, ...values, confirmed: form.get("confirm") === "oui", now });
      } catch (error) {
        return replyTo(error, { intent: "publish" as const, values });
      }
      return redirect(`${here}?fait=publie`);
    }
    case "delete":
      try {
        await deleteDraft(db, target);
      } catch (error) {
        return replyTo(error, { intent: "delete" as const });
      }
      return redirect(`/admin/dispositifs/${slug}?fait=supprime`);
  }
}

export default function AdminRuleSetVersion() {
  const { scheme, version, confirmation, described, draft, paymentTerms } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saveResult = result?.intent === "save" ? result : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/dispositifs">Dispositifs et règles</Link> ›{" "}
        <Link to={`/admin/dispositifs/${scheme.slug}`}>Toutes les versions de {scheme.name}</Link>
      </p>
      <h1>
        {scheme.name} — version {version.version}
      </h1>
      <p>
        <span className={`badge ${version.badge}`}>{version.stateLabel}</span>
      </p>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {result?.intent === "delete" && result.errors.form ? (
        <p className="notice notice--error" role="alert">
          {result.errors.form}
        </p>
      ) : null}

      {described ? (
        <>
          <dl className="details">
            <dt>En vigueur à partir du</dt>
            <dd>{version.effectiveFrom ?? "—"}</dd>
            <dt>Publication</dt>
            <dd>{version.published ?? "—"}</dd>
            <dt>Délibération</dt>
            <dd>{version.deliberation ?? "—"}</dd>
            <dt>Dossiers examinés selon cette version</dt>
            <dd>{version.dossierCount}</dd>
          </dl>
          <p>Une version publiée ne change plus. Pour modifier ces règles, préparez une nouvelle version.</p>
          <h2>Paramètres</h2>
          <RuleSetParameters sections={described} />
          <PaymentTerms sentences={paymentTerms} draft={false} />
        </>
      ) : null}

      {draft ? (
        <>
          <p>Dernier enregistrement le {version.updatedAt}.</p>
          <h2 id="parametres-titre">Paramètres du brouillon</h2>
          <ErrorSummary
            errors={saveResult?.errors}
            fieldId={(field) => (field === "form" ? undefined : field)}
          />
          <RuleSetForm
            key={version.updatedAt}
            schemeCode={scheme.code}
            values={saveResult?.values ?? draft.values}
            errors={saveResult?.errors ?? {}}
          />
          <h2>Effet sur des situations types</h2>
          <p>
            Calculé à partir du brouillon enregistré&nbsp;: enregistrez vos modifications pour mettre l’aperçu
            à jour.
          </p>
          <RuleSetPreviewTable
            rows={draft.preview}
            inForceVersion={draft.inForceVersion}
            draftVersion={version.version}
            perYear={scheme.code === "CAP_ASSO"}
          />
          <PaymentTerms sentences={paymentTerms} draft />
          <RuleSetDraftActions today={draft.today} publish={result?.intent === "publish" ? result : null} />
        </>
      ) : null}
    </>
  );
}

function PaymentTerms({ sentences, draft }: { sentences: string[]; draft: boolean }) {
  return (
    <section aria-labelledby="versements-titre">
      <h2 id="versements-titre">
        En clair{"\u00a0"}: versements et comptes rendus{draft ? " selon ce brouillon" : ""}
      </h2>
      <ul>
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}
