// The project reviews a member of the funders' community takes part in, and the form planning a new one.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { ReviewCreateForm, type ReviewFormValues } from "~/components/funders/review-create-form";
import { ReviewList } from "~/components/funders/review-list";
import { db } from "~/db.server";
import { formatDateTime } from "~/domain/format";
import { parisDay } from "~/domain/paris-time";
import { reviewFormSchema } from "~/domain/project-review";
import { isCommunityMember } from "~/services/funders/access.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import { createReview, listReviews } from "~/services/funders/project-reviews.server";
import { requireRole } from "~/session.server";
import { type ActionResult, fieldErrors } from "~/domain/forms";

export const meta: MetaFunction = () => [
  { title: "Revues de projets — Espace financeurs — Portail ESS Centre-Val de Loire" },
];

async function requireMember(request: Request) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  if (!isCommunityMember(user))
    throw new Response("Accès réservé à la communauté des financeurs.", { status: 403 });
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireMember(request);
  const now = new Date();
  const reviews = await listReviews(db, user, now);
  return {
    earliest: parisDay(new Date(now.getTime() - 365 * 86_400_000)),
    reviews: reviews.map((review) => ({
      id: review.id,
      title: review.title,
      when: formatDateTime(review.scheduledAt),
      place: review.place,
      organiser: review.organiser,
      invited: review.invited,
      dossierCount: review.dossierCount,
      held: review.held,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireMember(request);
  const form = await readFormData(request);
  const values: ReviewFormValues = {
    title: String(form.get("title") ?? ""),
    date: String(form.get("date") ?? ""),
    time: String(form.get("time") ?? ""),
    place: String(form.get("place") ?? ""),
  };
  if (form.get("intent") !== "create") {
    return data<ActionResult<ReviewFormValues>>(
      { errors: { form: "Action inconnue : rechargez la page." }, values },
      { status: 400 },
    );
  }
  const parsed = reviewFormSchema.safeParse(values);
  if (!parsed.success) {
    return data<ActionResult<ReviewFormValues>>(
      { errors: fieldErrors(parsed.error, { depth: 1 }), values },
      { status: 422 },
    );
  }
  try {
    const review = await createReview(db, user, { ...parsed.data, now: new Date() });
    return redirect(`/financeurs/revues/${review.id}?cree=1`);
  } catch (error) {
    return replyTo(error, { values });
  }
}

export default function ProjectReviews() {
  const { reviews, earliest } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Revues de projets</h1>
      <p>
        Financeurs et Région examinent ensemble les dossiers partagés : prévoyez une revue, choisissez les
        dossiers, invitez les organisations concernées, imprimez l’ordre du jour, puis consignez le compte
        rendu.
      </p>
      <h2>Revues</h2>
      <ReviewList reviews={reviews} />
      <h2 id="nouvelle-revue">Prévoir une revue</h2>
      <ReviewCreateForm earliest={earliest} errors={result?.errors} values={result?.values} />
    </>
  );
}
