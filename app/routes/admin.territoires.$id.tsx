// One CRST territory: its name, kind, department and LEADER group edited; taken out of, or put back into,
// the choices offered to new A VOS ID dossiers. Its code never changes: instructors' scopes store it.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { TerritoryForm } from "~/components/admin/territory-form";
import { TerritoryInstructors, TerritoryState } from "~/components/admin/territory-table";
import { db } from "~/db.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";
import { TERRITORY_KIND_LABELS, territoryFieldsSchema, territoryFormValues } from "~/domain/territories";
import {
  getTerritory,
  regionDepartments,
  setTerritoryActive,
  updateTerritory,
} from "~/services/admin/territories.server";
import { readFormData } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? `${loaded.territory.name} — ` : ""}Territoires — Administration — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  modifie: "Les modifications du territoire sont enregistrées.",
  inchange: "Aucune modification à enregistrer : le territoire est inchangé.",
  desactive:
    "Le territoire est désactivé : il n’est plus proposé aux nouveaux dossiers, et ceux qui le nomment le gardent.",
  reactive: "Le territoire est réactivé : il est de nouveau proposé aux nouveaux dossiers A VOS ID.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [territory, departments] = await Promise.all([
    getTerritory(db, params.id ?? ""),
    regionDepartments(db),
  ]);
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  return { territory, departments, confirmation: CONFIRMATIONS[done] ?? null };
}

const intentSchema = z.enum(["update", "deactivate", "reactivate"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const territory = await getTerritory(db, params.id ?? "");
  const form = await readFormData(request);
  const values = territoryFormValues(form);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) {
    return data<ActionResult>(
      { errors: { form: "Action inconnue : rechargez la page et réessayez." }, values },
      { status: 400 },
    );
  }
  const base = `/admin/territoires/${territory.id}`;
  const now = new Date();
  if (intent.data === "update") {
    const parsed = territoryFieldsSchema.safeParse(values);
    if (!parsed.success) {
      return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
    }
    const { changed } = await updateTerritory(db, {
      actor: user,
      id: territory.id,
      values: parsed.data,
      now,
    });
    return redirect(`${base}?fait=${changed ? "modifie" : "inchange"}`);
  }
  const active = intent.data === "reactivate";
  await setTerritoryActive(db, { actor: user, id: territory.id, active, now });
  return redirect(`${base}?fait=${active ? "reactive" : "desactive"}`);
}

export default function AdminTerritory() {
  const { territory, departments, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin/territoires">Tous les territoires</Link>
      </p>
      <h1>{territory.name}</h1>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {result?.errors.form ? <p className="notice notice--error">{result.errors.form}</p> : null}

      <dl className="details">
        <dt>Code</dt>
        <dd>
          <code>{territory.code}</code>
        </dd>
        <dt>Type</dt>
        <dd>{TERRITORY_KIND_LABELS[territory.kind]}</dd>
        <dt>État</dt>
        <dd>
          <TerritoryState active={territory.active} />
        </dd>
        <dt>Dossiers qui le nomment</dt>
        <dd>{territory.dossierCount}</dd>
        <dt>Instructeur·rices A VOS ID</dt>
        <dd>
          <TerritoryInstructors instructors={territory.instructors} />
        </dd>
      </dl>

      <section aria-labelledby="modifier-territoire">
        <h2 id="modifier-territoire">Modifier le territoire</h2>
        <TerritoryForm
          intent="update"
          submitLabel="Enregistrer les modifications"
          labelledBy="modifier-territoire"
          code={territory.code}
          values={result && !result.errors.form ? result.values : territory}
          errors={result && !result.errors.form ? result.errors : undefined}
          departments={departments}
        />
      </section>

      <section aria-labelledby="activite-territoire">
        <h2 id="activite-territoire">
          {territory.active ? "Désactiver le territoire" : "Réactiver le territoire"}
        </h2>
        <p>
          {territory.active
            ? "Un territoire désactivé n’est plus proposé aux nouveaux dossiers A VOS ID. Les dossiers qui le nomment déjà le gardent, et les périmètres des instructeur·rices qui le mentionnent restent inchangés."
            : "Réactivé, le territoire est de nouveau proposé aux nouveaux dossiers A VOS ID."}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value={territory.active ? "deactivate" : "reactivate"} />
          <button type="submit" className="button button--secondary">
            {territory.active ? "Désactiver ce territoire" : "Réactiver ce territoire"}
          </button>
        </Form>
      </section>
    </>
  );
}
