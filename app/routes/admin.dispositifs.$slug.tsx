// One scheme: every version of its rules, and « Préparer une nouvelle version » (a draft copied from the
// latest one). A version's own page (admin.dispositifs.$slug.versions.$version) nests under this route
// by its URL: when it is shown, this page steps aside and renders it alone.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useOutlet } from "@remix-run/react";

import { RuleSetVersionsTable, versionLine } from "~/components/admin/rule-set-versions-table";
import { db } from "~/db.server";
import {
  createDraft,
  getSchemeRuleSets,
  RuleSetError,
  schemeOfSlug,
} from "~/services/admin/rule-sets.server";
import { readFormData } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  {
    title: `${page ? `Règles de ${page.name}` : "Dispositif introuvable"} — Administration — Portail ESS Centre-Val de Loire`,
  },
];

const CONFIRMATIONS: Record<string, string> = {
  supprime: "Le brouillon est supprimé.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const { code, slug } = schemeOfSlug(params.slug);
  const scheme = await getSchemeRuleSets(db, code, new Date());
  const done = new URL(request.url).searchParams.get("fait") ?? "";
  return {
    slug,
    name: scheme.name,
    versions: scheme.versions.map((row) => versionLine(slug, row)),
    draft: scheme.draft ? versionLine(slug, scheme.draft) : null,
    confirmation: CONFIRMATIONS[done] ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "ADMIN");
  const { code, slug } = schemeOfSlug(params.slug);
  const form = await readFormData(request);
  if (form.get("intent") !== "create-draft") {
    return data(
      { error: "Cette action n’est pas reconnue\u00a0: rechargez la page et réessayez." },
      { status: 400 },
    );
  }
  try {
    const { version } = await createDraft(db, { actorId: user.id, schemeCode: code, now: new Date() });
    return redirect(`/admin/dispositifs/${slug}/versions/${version}?fait=cree`);
  } catch (error) {
    if (error instanceof RuleSetError) return data({ error: error.message }, { status: error.status });
    throw error;
  }
}

export default function AdminScheme() {
  const outlet = useOutlet();
  const { slug, name, versions, draft, confirmation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (outlet) return outlet;
  return (
    <>
      <p>
        <Link to="/admin/dispositifs">Tous les dispositifs</Link>
      </p>
      <h1>Règles de {name}</h1>
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      {result?.error ? (
        <p className="notice notice--error" role="alert">
          {result.error}
        </p>
      ) : null}
      <p>
        Chaque dossier est examiné selon la version en vigueur le jour de son dépôt&#8239;; une version
        publiée ne change plus. <Link to={`/dispositifs/${slug}`}>Voir la page publique du dispositif</Link>
      </p>

      <h2>Versions</h2>
      <RuleSetVersionsTable schemeName={name} versions={versions} />

      <h2>Nouvelle version</h2>
      {draft ? (
        <p>
          La <Link to={draft.href}>version {draft.version}</Link> est en préparation&nbsp;: terminez-la ou
          supprimez-la avant d’en préparer une autre.
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="create-draft" />
          <p>
            Le brouillon reprend tous les paramètres de la version la plus récente&#8239;; rien ne change pour
            les porteurs tant qu’il n’est pas publié.
          </p>
          <div className="form-actions">
            <button type="submit" className="button">
              Préparer une nouvelle version
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
