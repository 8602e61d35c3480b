import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { CoFinancingView } from "~/components/funders/co-financing";
import { PostGrantFollowUp } from "~/components/funders/post-grant-follow-up";
import { DossierCommunity } from "~/components/funders/dossier-community";
import { DossierReviews } from "~/components/funders/dossier-reviews";
import { DossierSummary } from "~/components/funders/pipeline-dossier-summary";
import { db } from "~/db.server";
import { parsePipelineFilter, pipelineSearch } from "~/domain/funder-pipeline";
import { getSharedDossier, recordFunderView } from "~/services/funders/access.server";
import { funderDossierSummary } from "~/services/funders/dossier.server";
import { funderPostGrant } from "~/services/funders/post-grant.server";
import { handleCommunityIntent, readCommunityActivity } from "~/services/funders/positions.server";
import { dossierReviews } from "~/services/funders/project-review-minutes.server";
import { readFormData } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";
import { appUrl } from "~/env.server";

const COMMUNITY = ["FUNDER", "INSTRUCTOR", "ADMIN"] as const;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded ? `${loaded.summary.dossier.number} — ${loaded.summary.dossier.title}` : "Projet partagé"} — Espace financeurs — Portail ESS Centre-Val de Loire`,
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, [...COMMUNITY]);
  const dossier = await getSharedDossier(db, user, params.id ?? "");
  await recordFunderView(db, user, dossier.id, context.clientIp ?? null);
  const [summary, activity, reviews, followUp] = await Promise.all([
    funderDossierSummary(db, user, dossier),
    readCommunityActivity(db, user, dossier.id),
    dossierReviews(db, user, dossier.id, new Date()),
    funderPostGrant(db, dossier, new Date()),
  ]);
  const url = new URL(request.url);
  const done = url.searchParams.get("fait") === "1" ? url.searchParams.get("objet") : null;
  const confirmation =
    done === "position"
      ? activity.myPosition?.partager
        ? "Votre position est enregistrée et visible des autres financeurs et de la Région."
        : "Votre position est enregistrée comme brouillon : seule votre organisation la voit."
      : done === "commentaire"
        ? "Votre message est publié."
        : null;
  const pipeline = parsePipelineFilter(url.searchParams);
  return {
    summary,
    activity,
    reviews,
    followUp,
    confirmation,
    backHref: `/financeurs${pipelineSearch(pipeline)}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, [...COMMUNITY]);
  const dossier = await getSharedDossier(db, user, params.id ?? "");
  const form = await readFormData(request);
  const result = await handleCommunityIntent(db, user, dossier.id, form, {
    appUrl: appUrl(),
    now: new Date(),
  });
  if (result.ok) {
    const objet = result.intent === "comment" ? "commentaire" : "position";
    return redirect(`/financeurs/dossiers/${dossier.id}?fait=1&objet=${objet}#communaute`);
  }
  return data(result, { status: result.errors.form ? 400 : 422 });
}

export default function SharedDossierPage() {
  const { summary, activity, reviews, followUp, confirmation, backHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={backHref}>← Retour aux projets partagés</Link>
      </p>
      {/* Present from the first render, so the confirmation put in it after a post is announced. */}
      <div role="status">
        {confirmation ? <p className="notice notice--success">{confirmation}</p> : null}
      </div>
      <DossierSummary summary={summary} />
      <CoFinancingView plan={summary.coFinancing} />
      {followUp ? <PostGrantFollowUp followUp={followUp} /> : null}
      <DossierReviews reviews={reviews} />
      <DossierCommunity activity={activity} actionData={actionData} />
    </>
  );
}
