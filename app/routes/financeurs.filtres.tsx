// A funder's saved filters of the shared pipeline: reopen one, subscribe it to the Monday digest of newly
// shared projects, delete it. The pipeline page posts `intent=save` here.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorSummary } from "~/components/error-summary";
import { DigestChoice } from "~/components/funders/pipeline-save-filter";
import { InputField } from "~/components/form-field";
import { db } from "~/db.server";
import { parsePipelineFilter } from "~/domain/funder-pipeline";
import { describeSavedFilter, SAVED_FILTER_NAME_MAX, saveFilterSchema } from "~/domain/funder-saved-filters";
import {
  deleteFilter,
  listSavedFilters,
  saveFilter,
  setFilterDigest,
  territoryNames,
} from "~/services/funders/saved-filters.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";

export const meta: MetaFunction = () => [
  { title: "Mes filtres enregistrés — Espace financeurs — Portail ESS Centre-Val de Loire" },
];

const CONFIRMATIONS: Record<string, string> = {
  enregistre:
    "Votre filtre est enregistré. Vous ne recevrez pas de courriel à son sujet tant que vous ne vous y abonnez pas.",
  "enregistre-abonne":
    "Votre filtre est enregistré. Chaque lundi, vous recevrez par e-mail les nouveaux projets partagés qui y correspondent.",
  abonne: "Abonnement enregistré : ce filtre figurera dans votre récapitulatif du lundi.",
  desabonne: "Désabonnement enregistré : ce filtre ne figurera plus dans votre récapitulatif du lundi.",
  supprime: "Le filtre est supprimé.",
};

/** Saved filters belong to a funder member: Region staff use the pipeline without them. */
async function requireFunderMember(request: Request) {
  const user = await requireRole(request, "FUNDER");
  if (!user.funderOrganisationId) {
    throw new Response("Votre compte n’est rattaché à aucune organisation de la communauté des financeurs.", {
      status: 403,
    });
  }
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFunderMember(request);
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  const filters = await listSavedFilters(db, user.id);
  return {
    confirmation: CONFIRMATIONS[done] ?? null,
    filters: filters.map(({ id, name, query, description, weeklyDigest }) => ({
      id,
      name,
      description,
      weeklyDigest,
      href: query ? `/financeurs?${query}` : "/financeurs",
    })),
  };
}

type Result = ActionResult<{ name: string; query: string; digest: string }> & {
  /** The filter being saved, in words, so the person sees what a corrected form will keep. */
  description: string;
};

const filterIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const digestSchema = z.object({ filterId: filterIdSchema, digest: z.enum(["oui", "non"]) });

const badRequest = () =>
  new Response("Cette action n’est pas reconnue : rechargez la page et réessayez.", { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireFunderMember(request);
  const form = await readFormData(request);
  const intent = form.get("intent");

  if (intent === "save") {
    const values = {
      name: String(form.get("name") ?? ""),
      query: String(form.get("query") ?? ""),
      digest: form.get("digest") === "oui" ? "oui" : "",
    };
    const describe = async () =>
      describeSavedFilter(
        parsePipelineFilter(new URLSearchParams(values.query.slice(0, 2000))),
        await territoryNames(db),
      );
    const parsed = saveFilterSchema.safeParse(values);
    if (!parsed.success) {
      // The query is not a field of the form: its errors are the whole form's.
      const { name, ...others } = fieldErrors(parsed.error, { depth: 1 });
      const query = Object.values(others)[0];
      const errors = { ...(name ? { name } : {}), ...(query ? { form: query } : {}) };
      return data<Result>({ errors, values, description: await describe() }, { status: 422 });
    }
    try {
      await saveFilter(db, { userId: user.id, ...parsed.data });
    } catch (error) {
      return replyTo(error, { values, description: await describe() });
    }
    return redirect(`/financeurs/filtres?fait=${parsed.data.digest ? "enregistre-abonne" : "enregistre"}`);
  }

  if (intent === "toggle-digest") {
    const parsed = digestSchema.safeParse({ filterId: form.get("filterId"), digest: form.get("digest") });
    if (!parsed.success) throw badRequest();
    const weeklyDigest = parsed.data.digest === "oui";
    await setFilterDigest(db, { userId: user.id, filterId: parsed.data.filterId, weeklyDigest });
    return redirect(`/financeurs/filtres?fait=${weeklyDigest ? "abonne" : "desabonne"}`);
  }

  if (intent === "delete") {
    const parsed = filterIdSchema.safeParse(form.get("filterId"));
    if (!parsed.success) throw badRequest();
    await deleteFilter(db, { userId: user.id, filterId: parsed.data });
    return redirect("/financeurs/filtres?fait=supprime");
  }

  throw badRequest();
}

export default function SavedFilters() {
  const { filters, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Mes filtres enregistrés</h1>
      <p>
        Enregistrez un filtre depuis la page « Projets partagés » pour le retrouver ici. Abonné à un filtre,
        vous recevez chaque lundi matin un e-mail listant les projets nouvellement partagés qui y
        correspondent.
      </p>
      {/* Present from the first render, so what is put in it after an action is announced. */}
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>

      {result ? (
        <section aria-labelledby="enregistrer-filtre">
          <h2 id="enregistrer-filtre">Enregistrer le filtre</h2>
          <ErrorSummary errors={result.errors} labels={{ name: "Nom du filtre" }} />
          <p>Critères du filtre : {result.description}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="query" value={result.values.query} />
            <InputField
              name="name"
              label="Nom du filtre"
              required
              maxLength={SAVED_FILTER_NAME_MAX}
              defaultValue={result.values.name}
              error={result.errors.name}
            />
            <DigestChoice checked={result.values.digest === "oui"} />
            <div className="form-actions">
              <button type="submit" className="button">
                Enregistrer ce filtre
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {filters.length === 0 ? (
        <p>
          Vous n’avez encore enregistré aucun filtre. <Link to="/financeurs">Voir les projets partagés</Link>
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="filtres-caption" tabIndex={0}>
          <table className="saved-filters-table">
            <caption id="filtres-caption">Vos filtres enregistrés et leur récapitulatif hebdomadaire</caption>
            <thead>
              <tr>
                <th scope="col">Filtre</th>
                <th scope="col">Critères</th>
                <th scope="col">Récapitulatif du lundi</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {filters.map((filter) => (
                <tr key={filter.id}>
                  <th scope="row">{filter.name}</th>
                  <td>{filter.description}</td>
                  <td>
                    <p>{filter.weeklyDigest ? "Abonnement actif" : "Pas d’abonnement"}</p>
                    <Form method="post">
                      <input type="hidden" name="intent" value="toggle-digest" />
                      <input type="hidden" name="filterId" value={filter.id} />
                      <input type="hidden" name="digest" value={filter.weeklyDigest ? "non" : "oui"} />
                      <button type="submit" className="button button--secondary">
                        {filter.weeklyDigest ? "Me désabonner" : "M’abonner"}
                        <span className="visually-hidden">
                          {filter.weeklyDigest ? " du" : " au"} filtre « {filter.name} »
                        </span>
                      </button>
                    </Form>
                  </td>
                  <td>
                    <p>
                      <Link to={filter.href}>
                        Voir les projets
                        <span className="visually-hidden"> du filtre « {filter.name} »</span>
                      </Link>
                    </p>
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="filterId" value={filter.id} />
                      <button type="submit" className="button button--secondary">
                        Supprimer<span className="visually-hidden"> le filtre « {filter.name} »</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
