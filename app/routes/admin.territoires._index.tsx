// The CRST territories that route A VOS ID dossiers, by department, with who instructs each one, and the
// form creating a territory.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { TerritoryForm } from "~/components/admin/territory-form";
import { TerritoryTable } from "~/components/admin/territory-table";
import { db } from "~/db.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";
import { newTerritorySchema, territoryFormValues } from "~/domain/territories";
import { createTerritory, listTerritoriesByDepartment } from "~/services/admin/territories.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction = () => [
  { title: "Territoires — Administration — Portail ESS Centre-Val de Loire" },
];

const CONFIRMATIONS: Record<string, string> = {
  cree: "Le territoire est créé : il est proposé dès maintenant aux nouveaux dossiers A VOS ID.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  const departments = await listTerritoriesByDepartment(db);
  const territories = departments.flatMap((department) => department.territories);
  return {
    confirmation: CONFIRMATIONS[done] ?? null,
    departments,
    uncovered: territories.filter((territory) => territory.active && territory.instructors.length === 0)
      .length,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const form = await readFormData(request);
  const values = territoryFormValues(form);
  if (form.get("intent") !== "create") {
    return data<ActionResult>(
      { errors: { form: "Action inconnue : rechargez la page et réessayez." }, values },
      { status: 400 },
    );
  }
  const parsed = newTerritorySchema.safeParse(values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  }
  try {
    await createTerritory(db, { actor: user, values: parsed.data, now: new Date() });
  } catch (error) {
    return replyTo(error, { values });
  }
  return redirect("/admin/territoires?fait=cree");
}

export default function AdminTerritories() {
  const { confirmation, departments, uncovered } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Territoires</h1>
      <p>
        Les territoires des contrats régionaux de solidarité territoriale (CRST) orientent les dossiers A VOS
        ID&#8239;: chaque dossier nomme son territoire, et l’instructeur·rice dont le périmètre le couvre le
        reçoit dans sa file. Un territoire inactif n’est plus proposé aux nouveaux dossiers&#8239;; ceux qui
        le nomment déjà le gardent.
      </p>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {uncovered > 0 ? (
        <p className="notice notice--warning">
          {uncovered === 1
            ? "1 territoire actif n’est couvert par aucun instructeur : ses dossiers A VOS ID ne seront vus que par les administrateur·rices."
            : `${uncovered} territoires actifs ne sont couverts par aucun instructeur\u202f: leurs dossiers A VOS ID ne seront vus que par les administrateur·rices.`}
        </p>
      ) : null}

      {departments.map((department) => (
        <section key={department.code} aria-labelledby={`departement-${department.code}`}>
          <h2 id={`departement-${department.code}`}>
            {department.name} ({department.code})
          </h2>
          {department.territories.length === 0 ? (
            <p>Aucun territoire dans ce département.</p>
          ) : (
            <TerritoryTable
              departmentCode={department.code}
              departmentName={department.name}
              territories={department.territories}
            />
          )}
        </section>
      ))}

      <section aria-labelledby="nouveau-territoire">
        <h2 id="nouveau-territoire">Ajouter un territoire</h2>
        <TerritoryForm
          intent="create"
          submitLabel="Ajouter le territoire"
          labelledBy="nouveau-territoire"
          values={result?.values ?? {}}
          errors={result?.errors}
          departments={departments}
        />
      </section>
    </>
  );
}
