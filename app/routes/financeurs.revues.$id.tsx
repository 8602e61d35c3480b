// One project review: its agenda of shared dossiers with the funders' positions, the printable agenda,
// and for its organiser (or Region staff) the forms choosing the dossiers, inviting organisations (each
// with who will receive the email) and, once it has been held, writing the minutes.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { confirmedText, planText } from "~/components/funders/pipeline-card";
import { ReviewAgenda } from "~/components/funders/review-agenda";
import { ReviewInviteForm, ReviewItemsForm } from "~/components/funders/review-edit-forms";
import { ReviewMinutesForm } from "~/components/funders/review-minutes-form";
import { db } from "~/db.server";
import { formatDateTime, formatEuros } from "~/domain/format";
import { minutesFieldId, parseMinutesForm, type ReviewItem } from "~/domain/project-review";
import { isCommunityMember } from "~/services/funders/access.server";
import { readFormData, replyTo } from "~/services/platform/http.server";
import {
  inviteOrganisations,
  recordMinutes,
  reviewDetail,
  setReviewItems,
} from "~/services/funders/project-reviews.server";
import { requireRole } from "~/session.server";
import { appUrl } from "~/env.server";
import { type ActionResult } from "~/domain/forms";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: `${loaded?.review.title ?? "Revue de projets"} — Espace financeurs — Portail ESS Centre-Val de Loire`,
  },
];

async function requireMember(request: Request) {
  const user = await requireRole(request, ["FUNDER", "INSTRUCTOR", "ADMIN"]);
  if (!isCommunityMember(user))
    throw new Response("Accès réservé à la communauté des financeurs.", { status: 403 });
  return user;
}

const amount = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));

const sentences = (item: ReviewItem) =>
  [item.planSentence, item.confirmedSentence, item.additionsSentence].filter((text) => text !== null);

/** « ADEME Centre-Val de Loire (2 membres) », or a warning when the invitation reached nobody there. */
function invitedText(organisation: { name: string; activeMembers: number }): string {
  if (organisation.activeMembers === 0)
    return `${organisation.name} (aucun membre actif : personne n’y reçoit l’invitation)`;
  return `${organisation.name} (${organisation.activeMembers} membre${organisation.activeMembers > 1 ? "s" : ""})`;
}

function inviteConfirmation(recipients: string): string {
  const count = Number.parseInt(recipients, 10) || 0;
  if (count === 0)
    return "Les organisations sont invitées, mais aucune n’a de membre actif : personne n’a reçu de courriel.";
  return count === 1
    ? "Les organisations sont invitées : 1 personne reçoit un courriel."
    : `Les organisations sont invitées : ${count} personnes reçoivent un courriel.`;
}

const CONFIRMATIONS: Record<string, string> = {
  cree: "La revue est prévue : choisissez les dossiers à examiner et invitez les organisations.",
  ordre: "L’ordre du jour est enregistré.",
  compte: "Le compte rendu est enregistré.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireMember(request);
  const view = await reviewDetail(db, user, params.id ?? "");
  const search = new URL(request.url).searchParams;
  const confirmation = Object.keys(CONFIRMATIONS).find((key) => search.has(key));
  const invitedNow = search.get("invite");
  return {
    review: { ...view.review, when: formatDateTime(view.review.scheduledAt), scheduledAt: undefined },
    held: view.held,
    canEdit: view.canEdit,
    invited: view.invited.map(invitedText),
    items: view.items.map((item) => ({
      dossierId: item.dossierId,
      number: item.number,
      title: item.title,
      organisationName: item.organisationName,
      schemeName: item.schemeName,
      department: item.department,
      stage: item.stage,
      totalBudget: amount(item.totalBudgetCents),
      requested: amount(item.requestedAmountCents),
      regionAmount: formatEuros(item.regionAmountCents),
      regionAmountLabel: item.regionAmountLabel,
      positions: item.positions.map((position) => ({
        organisation: position.organisation,
        status: position.status,
        instrument: position.instrument ?? "—",
        amount: amount(position.amountCents),
      })),
      plan: planText(item),
      confirmed: confirmedText(item),
      sentences: sentences(item),
      summary: item.summary,
      minutes: item.minutes,
    })),
    candidates: view.candidates,
    invitable: view.invitable,
    confirmation:
      invitedNow !== null
        ? inviteConfirmation(invitedNow)
        : confirmation
          ? CONFIRMATIONS[confirmation]!
          : null,
  };
}

type Result = ActionResult<Record<string, string> | undefined, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireMember(request);
  const reviewId = params.id ?? "";
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const here = `/financeurs/revues/${reviewId}`;
  const now = new Date();
  const strings = (name: string) =>
    form.getAll(name).filter((value): value is string => typeof value === "string");
  try {
    if (intent === "items") {
      await setReviewItems(db, user, { reviewId, dossierIds: strings("dossierId"), now });
      return redirect(`${here}?ordre=1`);
    }
    if (intent === "invite") {
      const invited = await inviteOrganisations(db, user, {
        reviewId,
        funderOrganisationIds: strings("funderOrganisationId"),
        now,
        appUrl: appUrl(),
      });
      return redirect(`${here}?invite=${invited.recipients}`);
    }
    if (intent === "minutes") {
      const values: Record<string, string> = {};
      for (const [key, value] of form) if (typeof value === "string") values[key] = value;
      const parsed = parseMinutesForm(values);
      if (!parsed.ok) return data<Result>({ intent, errors: parsed.errors, values }, { status: 422 });
      await recordMinutes(db, user, { reviewId, minutes: parsed.minutes, now });
      return redirect(`${here}?compte=1`);
    }
    return data<Result>(
      { intent, errors: { form: "Action inconnue : rechargez la page." } },
      { status: 400 },
    );
  } catch (error) {
    return replyTo(error, { intent } as Omit<Result, "errors">);
  }
}

export default function ProjectReviewPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { review } = view;
  // A refusal of the whole form is announced at the top; the fields' errors are listed in the summary.
  const { form: formError, ...fieldErrors } = result?.errors ?? {};
  const errorsFor = (intent: string) => (result?.intent === intent ? fieldErrors : undefined);
  const minuteLabels = Object.fromEntries(
    view.items.map((item) => [`minutes.${item.dossierId}`, `Compte rendu ${item.number}`]),
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/financeurs/revues">Revues de projets</Link>
      </p>
      <h1>{review.title}</h1>
      <dl className="review-meta">
        <div>
          <dt>Date</dt>
          <dd>
            {review.when}
            {view.held ? " (tenue)" : null}
          </dd>
        </div>
        <div>
          <dt>Lieu ou lien</dt>
          <dd>{review.place}</dd>
        </div>
        <div>
          <dt>Organisée par</dt>
          <dd>{review.organiser}</dd>
        </div>
        <div>
          <dt>Organisations invitées</dt>
          <dd>{view.invited.length > 0 ? view.invited.join(", ") : "Aucune pour l’instant"}</dd>
        </div>
      </dl>
      <div role="status">
        {view.confirmation ? <p className="notice notice--success">{view.confirmation}</p> : null}
      </div>
      {formError ? (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      ) : null}
      <ErrorSummary
        errors={fieldErrors}
        labels={{ dossierIds: "Dossiers", funderOrganisationIds: "Organisations", ...minuteLabels }}
        fieldId={minutesFieldId}
      />

      <h2>Ordre du jour</h2>
      <p>
        <a href={`/financeurs/revues/${review.id}/ordre-du-jour.pdf`} download>
          Télécharger l’ordre du jour (PDF)
        </a>
      </p>
      <ReviewAgenda items={view.items} />

      {view.canEdit && view.items.length > 0 ? (
        <>
          <h2>Compte rendu</h2>
          {view.held ? (
            <ReviewMinutesForm
              items={view.items}
              errors={errorsFor("minutes")}
              values={result?.intent === "minutes" ? (result.values ?? null) : null}
            />
          ) : (
            <p>
              Le compte rendu s’écrit ici une fois la revue tenue, à partir du {review.when}. Il apparaît
              ensuite sur la page de chaque dossier examiné.
            </p>
          )}
        </>
      ) : null}

      {view.canEdit ? (
        <>
          <h2>Choisir les dossiers</h2>
          <ReviewItemsForm candidates={view.candidates} error={errorsFor("items")?.dossierIds} />
        </>
      ) : null}
      {view.canEdit && !view.held ? (
        <>
          <h2>Inviter des organisations</h2>
          <ReviewInviteForm
            organisations={view.invitable}
            error={errorsFor("invite")?.funderOrganisationIds}
          />
        </>
      ) : null}
    </>
  );
}
