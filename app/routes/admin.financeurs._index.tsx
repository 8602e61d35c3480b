// The member organisations of the funders' community, with their kind and active members, and the form
// that adds one (its slug is derived from its name).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import {
  FunderOrganisationForm,
  type FunderOrganisationValues,
} from "~/components/admin/funder-organisation-form";
import { db } from "~/db.server";
import { FUNDER_KIND_LABELS } from "~/domain/funder-kinds";
import { funderOrganisationSchema } from "~/domain/staff-accounts";
import {
  createFunderOrganisation,
  listFunderOrganisations,
} from "~/services/admin/funder-organisations.server";
import { readFormData, replyTo, unknownIntent } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";

export const meta: MetaFunction = () => [
  { title: "Financeurs — Administration — Portail ESS Centre-Val de Loire" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const organisations = await listFunderOrganisations(db);
  return {
    organisations: organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      slug: organisation.slug,
      kind: FUNDER_KIND_LABELS[organisation.kind],
      activeMembers: organisation.activeMembers,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const form = await readFormData(request);
  const values = { name: String(form.get("name") ?? ""), kind: String(form.get("kind") ?? "") };
  if (form.get("intent") !== "create") {
    throw unknownIntent();
  }
  const parsed = funderOrganisationSchema.safeParse(values);
  if (!parsed.success)
    return data<ActionResult<FunderOrganisationValues>>(
      { errors: fieldErrors(parsed.error, { depth: 1 }), values },
      { status: 400 },
    );
  try {
    const organisation = await createFunderOrganisation(db, {
      actorId: admin.id,
      ...parsed.data,
      now: new Date(),
    });
    return redirect(`/admin/financeurs/${organisation.id}?fait=cree`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

export default function FunderOrganisations() {
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Organisations financeuses</h1>
      <p>
        Les membres de la communauté des financeurs&#8239;: chacun voit les projets que leurs porteurs ont
        choisi de partager, les commente et y indique son intérêt ou son engagement.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="financeurs-caption" tabIndex={0}>
        <table>
          <caption id="financeurs-caption">Organisations financeuses, par ordre alphabétique</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Type</th>
              <th scope="col">Membres actifs</th>
              <th scope="col">Identifiant</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((organisation) => (
              <tr key={organisation.id}>
                <th scope="row">
                  <Link to={`/admin/financeurs/${organisation.id}`}>{organisation.name}</Link>
                </th>
                <td>{organisation.kind}</td>
                <td>{organisation.activeMembers}</td>
                <td>
                  <code>{organisation.slug}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="ajouter" className="narrow">
        <h2 id="ajouter">Ajouter une organisation</h2>
        <FunderOrganisationForm
          intent="create"
          values={result?.values ?? { name: "", kind: "" }}
          errors={result?.errors}
          submitLabel="Ajouter l’organisation"
        />
      </section>
    </>
  );
}
