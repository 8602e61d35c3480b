// A scheme's public page: who it is for, what it funds, the amounts — all read from the rule set in
// force, so a new version deliberated by the Commission permanente shows here without a code change.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { db } from "~/db.server";
import { schemeCodeOfSlug } from "~/domain/schemes/slugs";
import { REGION_DEPARTMENTS } from "~/domain/identifiers";
import { LEGAL_FORM_LABELS } from "~/domain/legal-forms";
import { SCHEMES } from "~/domain/schemes";
import { schemeKeyFigures } from "~/domain/schemes/key-figures";
import { filingWindow } from "~/services/admin/calls.server";
import { ruleSetsInForce } from "~/services/schemes/eligibility.server";
import { scheduledRuleSet } from "~/services/schemes/scheduled-rule-set.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.name} — Portail ESS Centre-Val de Loire`
      : "Dispositif introuvable — Portail ESS Centre-Val de Loire",
  },
];

/** Scheme-specific lists of the rule set, in words. */
function details(code: keyof typeof SCHEMES, parameters: Record<string, unknown>) {
  const labels = (key: string) =>
    ((parameters[key] as Array<{ label: string }> | undefined) ?? []).map((option) => option.label);
  switch (code) {
    case "A_VOS_ID":
      return [
        { title: "Priorités régionales (au moins une)", items: labels("priorities") },
        { title: "Dépenses financées", items: labels("expenseTypes") },
      ];
    case "CAP_SCOP_SCIC":
      return [{ title: "Opérations soutenues", items: labels("operationTypes") }];
    case "EQUITY_ADVANCE":
      return [{ title: "Programmes européens concernés", items: labels("euProgrammes") }];
    default:
      return [];
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  const code = schemeCodeOfSlug(params.slug ?? "");
  if (!code) throw new Response("Dispositif introuvable", { status: 404 });
  const now = new Date();
  const [ruleSets, filing] = await Promise.all([ruleSetsInForce(db), filingWindow(db, code, now)]);
  const ruleSet = ruleSets[code];
  const coming = await scheduledRuleSet(db, code, ruleSet, now);
  const parameters = ruleSet.parameters;
  return {
    slug: params.slug,
    name: SCHEMES[code].name,
    summary: SCHEMES[code].summary,
    version: ruleSet.version,
    texts: parameters.applicantTexts,
    figures: schemeKeyFigures(code, parameters),
    legalForms: parameters.eligibleLegalForms.map((form) => LEGAL_FORM_LABELS[form]),
    departments: parameters.eligibleDepartmentCodes.map(
      (department) => `${REGION_DEPARTMENTS[department as keyof typeof REGION_DEPARTMENTS]} (${department})`,
    ),
    attachments: parameters.requiredAttachments.map((attachment) => attachment.label),
    details: details(code, parameters as unknown as Record<string, unknown>),
    filing,
    coming,
  };
}

export default function SchemePage() {
  const scheme = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dispositifs">Tous les dispositifs</Link>
      </p>
      <h1>{scheme.name}</h1>
      <p className="lead">{scheme.texts.introduction}</p>
      {scheme.coming ? <ComingRules coming={scheme.coming} /> : null}

      <h2>Pour qui ?</h2>
      <p>{scheme.texts.eligibilityReminder}</p>
      <ul>
        <li>Formes juridiques : {scheme.legalForms.join(", ")}.</li>
        <li>Siège ou activité principale dans l’un de ces départements : {scheme.departments.join(", ")}.</li>
      </ul>

      <h2>Montants et conditions</h2>
      <ul>
        {scheme.figures.map((figure) => (
          <li key={figure}>{figure}.</li>
        ))}
      </ul>
      {scheme.details.map((detail) => (
        <section key={detail.title} aria-label={detail.title}>
          <h3>{detail.title}</h3>
          <ul>
            {detail.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}

      <h2>Pièces à fournir</h2>
      <ul>
        {scheme.attachments.map((attachment) => (
          <li key={attachment}>{attachment}</li>
        ))}
      </ul>

      <h2>Dépôt des dossiers</h2>
      {scheme.filing ? (
        <p className={scheme.filing.open ? "notice notice--success" : "notice notice--warning"}>
          {scheme.filing.message}
        </p>
      ) : null}
      <p className="form-actions">
        <Link to={`/dossiers/nouveau?dispositif=${scheme.slug}`} className="button">
          Préparer un dossier {scheme.name}
        </Link>
        <Link to="/eligibilite" className="button button--secondary">
          Vérifier mon éligibilité
        </Link>
      </p>
      <p className="field__hint">Règles en vigueur : version {scheme.version}.</p>
    </>
  );
}

/** A version published for a later date: when it applies and what it changes. */
function ComingRules({
  coming,
}: {
  coming: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["coming"]>;
}) {
  return (
    <section className="notice notice--info" aria-labelledby="regles-a-venir">
      <h2 id="regles-a-venir">Nouvelles règles à partir du {coming.effectiveFrom}</h2>
      <p>
        À partir du {coming.effectiveFrom}, les dossiers déposés seront jugés selon une nouvelle version des
        règles
        {coming.deliberation ? ` (délibération ${coming.deliberation})` : ""}&#8239;; ceux déposés avant cette
        date restent jugés selon les règles actuelles.
      </p>
      {coming.changes.length > 0 ? (
        <ul>
          {coming.changes.map((change) => (
            <li key={change.label}>
              {change.label}&#8239;: {change.after} (au lieu de {change.before})
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
