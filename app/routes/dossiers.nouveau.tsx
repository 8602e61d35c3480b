// Start a dossier: from a scheme's page or from the eligibility questionnaire (its answers are carried
// over). Drafts the organisation already has for the scheme are offered first, so nobody starts a second one
// by mistake; outside a filing window the page says when the next one opens.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";

import { db } from "~/db.server";
import { dossierSteps } from "~/domain/dossier-forms";
import { schemeCodeOfSlug, SCHEME_SLUGS } from "~/domain/schemes/slugs";
import { formatDate } from "~/domain/format";
import { legalFormLabel } from "~/domain/legal-forms";
import { parseRuleSetParameters, SCHEME_LIST, SCHEMES } from "~/domain/schemes";
import {
  existingDrafts,
  formContext,
  openCall,
  ruleSetInForce,
  startDossier,
} from "~/services/applicant/dossiers.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult } from "~/domain/forms";

export const meta: MetaFunction = () => [{ title: "Nouveau dossier — Portail ESS Centre-Val de Loire" }];

/** Answers of the public questionnaire travel in the query string, under their paths. */
function questionnaireOf(params: URLSearchParams | FormData): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [key, value] of params) {
    if (typeof value === "string" && /^(organisation|project)\.[A-Za-z]+$/.test(key) && value.length <= 200) {
      answers[key] = value;
    }
  }
  return answers;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const url = new URL(request.url);
  const schemeCode = schemeCodeOfSlug(url.searchParams.get("dispositif") ?? "");
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    include: { organisation: { select: { id: true, name: true, legalForm: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  const schemes = SCHEME_LIST.map((scheme) => ({
    slug: SCHEME_SLUGS[scheme.code],
    name: scheme.name,
    summary: scheme.summary,
  }));
  if (!schemeCode)
    return { scheme: null, schemes, organisations: [], closedMessage: null, questionnaire: {} };

  const now = new Date();
  const ruleSet = await ruleSetInForce(db, schemeCode, now);
  const parsed = parseRuleSetParameters(schemeCode, ruleSet.parameters);
  const eligibleForms: string[] = parsed.ok ? parsed.parameters.eligibleLegalForms : [];
  const { closedMessage } = await openCall(db, ruleSet.schemeId, now);
  const organisations = await Promise.all(
    memberships.map(async ({ organisation }) => ({
      id: organisation.id,
      name: organisation.name,
      legalForm: legalFormLabel(organisation.legalForm),
      eligibleForm: eligibleForms.includes(organisation.legalForm),
      drafts: (await existingDrafts(db, user.id, organisation.id, schemeCode)).map((draft) => ({
        id: draft.id,
        title: draft.title,
        updatedAt: formatDate(draft.updatedAt),
      })),
    })),
  );
  return {
    scheme: { code: schemeCode, slug: SCHEME_SLUGS[schemeCode], name: SCHEMES[schemeCode].name },
    schemes,
    organisations,
    closedMessage,
    questionnaire: questionnaireOf(url.searchParams),
  };
}

const refuse = (message: string) =>
  data<ActionResult<undefined>>({ errors: { form: message } }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const form = await readFormData(request);
  const schemeCode = schemeCodeOfSlug(String(form.get("dispositif") ?? ""));
  const organisationId = String(form.get("organisationId") ?? "");
  if (!schemeCode) return refuse("Choisissez un dispositif.");
  if (!organisationId) return refuse("Choisissez l’organisation qui porte le projet.");
  try {
    const dossier = await startDossier(db, {
      userId: user.id,
      organisationId,
      schemeCode,
      questionnaire: questionnaireOf(form),
    });
    const stored = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      select: { ruleSet: true },
    });
    const context = await formContext(db, schemeCode, stored.ruleSet.parameters);
    return redirect(`/dossiers/${dossier.id}/etapes/${dossierSteps(schemeCode, context)[0]!.id}`);
  } catch (error) {
    return replyTo(error);
  }
}

export default function NewDossier() {
  const { scheme, schemes, organisations, closedMessage, questionnaire } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  if (!scheme) {
    return (
      <div className="narrow">
        <h1>Nouveau dossier</h1>
        <Form method="get">
          <fieldset>
            <legend>Pour quel dispositif ?</legend>
            {schemes.map((option) => (
              <div className="field__choice" key={option.slug}>
                <input
                  type="radio"
                  id={`dispositif-${option.slug}`}
                  name="dispositif"
                  value={option.slug}
                  required
                />
                <label htmlFor={`dispositif-${option.slug}`}>
                  <strong>{option.name}</strong> — {option.summary}
                </label>
              </div>
            ))}
          </fieldset>
          <p>
            Vous hésitez ? <Link to="/eligibilite">Vérifiez votre éligibilité</Link> en quelques questions.
          </p>
          <button type="submit" className="button">
            Continuer
          </button>
        </Form>
      </div>
    );
  }
  const withDrafts = organisations.filter((organisation) => organisation.drafts.length > 0);
  return (
    <div className="narrow">
      <h1>Nouveau dossier {scheme.name}</h1>
      {result?.errors.form ? (
        <p className="notice notice--error" role="alert">
          {result.errors.form}
        </p>
      ) : null}
      {Object.keys(questionnaire).length > 0 ? (
        <p className="notice notice--info">
          Les réponses données au questionnaire d’éligibilité seront reprises dans le dossier.
        </p>
      ) : null}
      {closedMessage ? (
        <p className="notice notice--warning">{closedMessage}</p>
      ) : organisations.length === 0 ? (
        <>
          <p>
            Pour préparer un dossier, déclarez d’abord l’organisation qui porte le projet : ses informations
            rempliront le dossier.
          </p>
          <p>
            <Link
              to={`/organisations/nouvelle?${new URLSearchParams({ redirectTo: `${location.pathname}${location.search}` })}`}
              className="button"
            >
              Déclarer une organisation
            </Link>
          </p>
        </>
      ) : (
        <>
          {withDrafts.length > 0 ? (
            <div className="notice notice--warning">
              <h2 className="notice__title">Vous avez déjà un brouillon {scheme.name}</h2>
              <ul>
                {withDrafts.flatMap((organisation) =>
                  organisation.drafts.map((draft) => (
                    <li key={draft.id}>
                      <Link to={`/dossiers/${draft.id}`}>{draft.title}</Link> ({organisation.name}, modifié le{" "}
                      {draft.updatedAt})
                    </li>
                  )),
                )}
              </ul>
              <p>Reprenez-le plutôt que d’en créer un nouveau, sauf s’il s’agit d’un autre projet.</p>
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="dispositif" value={scheme.slug} />
            {Object.entries(questionnaire).map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
            <fieldset>
              <legend>Quelle organisation porte le projet ?</legend>
              {organisations.map((organisation, index) => (
                <div className="field__choice" key={organisation.id}>
                  <input
                    type="radio"
                    id={`organisation-${organisation.id}`}
                    name="organisationId"
                    value={organisation.id}
                    defaultChecked={index === 0}
                  />
                  <label htmlFor={`organisation-${organisation.id}`}>
                    {organisation.name} ({organisation.legalForm})
                    {organisation.eligibleForm ? null : (
                      <span className="field__hint">
                        {" "}
                        — cette forme juridique n’est pas éligible à {scheme.name}
                      </span>
                    )}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="button">
              {withDrafts.length > 0 ? "Créer un autre dossier" : "Créer le dossier"}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
