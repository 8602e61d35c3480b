// The funders' community on one shared dossier: each organisation's position (interest, then a pledge) and
// the discussion among funders and Region staff, whose mentions are emailed. Every entry point asks
// getSharedDossier first, so a dossier whose holder withdrew consent is refused at once, like an unknown one.
import { fullName } from "~/domain/people";
import {
  commentFormSchema,
  PLEDGE_INSTRUMENT_LABELS,
  PLEDGE_STATUS_LABELS,
  positionFormSchema,
  type PositionForm,
} from "~/domain/funder-positions";
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { UserRole } from "~/generated/prisma/enums";
import { funderMention } from "~emails/funder-mention";

import { AUDIT_ACTIONS } from "~/domain/audit";

import { getSharedDossier, visiblePledges, type CommunityMember } from "./access.server";
import { auditFunderAct } from "./audit.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import { funderDossierUrl } from "~/services/dossiers/links.server";
import { forbidden, UserError } from "~/domain/user-error";
import { fieldErrors } from "~/domain/forms";

export type CommunityActivity = Awaited<ReturnType<typeof readCommunityActivity>>;
export type CommunityIntentResult =
  | { ok: true; intent: string; message: string }
  | { ok: false; intent: string; errors: Record<string, string>; values: Record<string, string> };

export const funderDossierPath = (dossierId: string) => `/financeurs/dossiers/${dossierId}`;

/** Who may be alerted: active funder members with an organisation and active instructors — never applicants. */
const MENTIONABLE: Prisma.UserWhereInput = {
  deactivatedAt: null,
  OR: [{ role: UserRole.FUNDER, funderOrganisationId: { not: null } }, { role: UserRole.INSTRUCTOR }],
};

const PERSON = {
  id: true,
  firstName: true,
  lastName: true,
  role: true,
  funderOrganisation: { select: { name: true } },
} as const;

type Person = Prisma.UserGetPayload<{ select: typeof PERSON }>;

/** Funders speak for their organisation, Region staff for the Region. */
const affiliation = (person: Person) => person.funderOrganisation?.name ?? "Région";
const personLabel = (person: Person) => `${fullName(person)} (${affiliation(person)})`;

/** Only a funder member speaks for an organisation; Region staff read positions but take none. */
export function canTakePosition(user: CommunityMember): boolean {
  return user.role === UserRole.FUNDER && user.funderOrganisationId !== null;
}

export async function readCommunityActivity(db: PrismaClient, user: CommunityMember, dossierId: string) {
  const dossier = await getSharedDossier(db, user, dossierId);
  const [pledges, comments, people] = await Promise.all([
    db.funderPledge.findMany({
      where: { dossierId: dossier.id, ...visiblePledges(user) },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      include: { funderOrganisation: { select: { name: true } } },
    }),
    db.funderComment.findMany({
      where: { dossierId: dossier.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, createdAt: true, author: { select: PERSON } },
    }),
    db.user.findMany({
      where: { ...MENTIONABLE, id: { not: user.id } },
      orderBy: [{ role: "asc" }, { lastName: "asc" }, { firstName: "asc" }],
      select: PERSON,
    }),
  ]);
  const own = canTakePosition(user)
    ? pledges.find((pledge) => pledge.funderOrganisationId === user.funderOrganisationId)
    : undefined;
  return {
    dossierId: dossier.id,
    dossierNumber: dossier.number ?? "Sans numéro",
    positions: pledges.map((pledge) => ({
      id: pledge.id,
      organisation: pledge.funderOrganisation.name,
      status: PLEDGE_STATUS_LABELS[pledge.status],
      instrument: pledge.instrument ? PLEDGE_INSTRUMENT_LABELS[pledge.instrument] : null,
      amount: pledge.amountCents === null ? null : formatEuros(pledge.amountCents),
      note: pledge.note,
      shared: pledge.sharedAt !== null,
      updatedAt: formatDate(pledge.updatedAt),
      mine: pledge.funderOrganisationId === user.funderOrganisationId,
    })),
    myPosition: own
      ? {
          status: own.status as string,
          instrument: (own.instrument ?? "") as string,
          amount: own.amountCents === null ? "" : formatEuros(own.amountCents),
          note: own.note ?? "",
          partager: own.sharedAt !== null,
        }
      : null,
    canTakePosition: canTakePosition(user),
    comments: comments.map((comment) => ({
      id: comment.id,
      author: personLabel(comment.author),
      body: comment.body,
      at: formatDateTime(comment.createdAt),
      iso: comment.createdAt.toISOString(),
    })),
    mentionable: people.map((person) => ({ id: person.id, label: personLabel(person) })),
  };
}

/**
 * Writes the organisation's position on the dossier. A draft stays within the organisation; once shown,
 * `sharedAt` keeps the first time it was shown, and turning it back into a draft hides it again.
 */
export async function savePosition(
  db: PrismaClient,
  user: CommunityMember,
  input: PositionForm & { dossierId: string; now?: Date },
) {
  const dossier = await getSharedDossier(db, user, input.dossierId);
  const organisationId = user.funderOrganisationId;
  if (!canTakePosition(user) || organisationId === null)
    throw forbidden("Seuls les membres d’une organisation financeuse prennent position.");
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const key = { dossierId: dossier.id, funderOrganisationId: organisationId };
    const existing = await tx.funderPledge.findUnique({
      where: { dossierId_funderOrganisationId: key },
      select: { sharedAt: true },
    });
    const fields = {
      status: input.status,
      instrument: input.instrument,
      amountCents: input.amountCents,
      note: input.note,
      sharedAt: input.shared ? (existing?.sharedAt ?? now) : null,
      updatedById: user.id,
      updatedAt: now,
    };
    const saved = await tx.funderPledge.upsert({
      where: { dossierId_funderOrganisationId: key },
      create: { ...key, ...fields, createdAt: now },
      update: fields,
      select: { id: true, sharedAt: true },
    });
    await auditFunderAct(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.funderPositionSaved,
      targetType: "Dossier",
      targetId: dossier.id,
      details: {
        funderOrganisationId: organisationId,
        status: input.status,
        instrument: input.instrument,
        amountCents: input.amountCents,
        shared: input.shared,
      },
      now,
    });
    return saved;
  });
}

/**
 * Adds a comment to the dossier's discussion and alerts the people it mentions, in the same transaction.
 * Only community members are alerted (an applicant's id slipped into the form is ignored), never the author;
 * Region staff are alerted as they chose (at once or in their daily digest).
 */
export async function postComment(
  db: PrismaClient,
  user: CommunityMember,
  input: { dossierId: string; body: string; mentions: string[]; now?: Date; appUrl: string },
) {
  const dossier = await getSharedDossier(db, user, input.dossierId);
  const body = input.body.trim();
  if (body === "") throw new UserError("Écrivez votre message.", { status: 422 });
  const now = input.now ?? new Date();
  const [author, recipients] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: PERSON }),
    db.user.findMany({
      where: { ...MENTIONABLE, id: { in: input.mentions, not: user.id } },
      select: { ...PERSON, email: true },
    }),
  ]);
  const url = `${funderDossierUrl(input.appUrl, dossier.id)}#communaute`;
  const number = dossier.number ?? "sans numéro";
  return db.$transaction(async (tx) => {
    const comment = await tx.funderComment.create({
      data: { dossierId: dossier.id, authorId: user.id, body, createdAt: now },
      select: { id: true },
    });
    await auditFunderAct(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.funderCommentPosted,
      targetType: "Dossier",
      targetId: dossier.id,
      details: { commentId: comment.id, mentions: recipients.length },
      now,
    });
    for (const recipient of recipients) {
      const email = funderMention({
        firstName: recipient.firstName,
        authorName: fullName(author),
        authorOrganisation: author.funderOrganisation?.name ?? "la Région",
        dossierNumber: number,
        dossierTitle: dossier.title,
        body,
        url,
      });
      if (recipient.role === UserRole.FUNDER) {
        await enqueueEmail(tx, { ...email, to: recipient.email }, { now });
      } else {
        await notifyStaff(
          tx,
          {
            userId: recipient.id,
            dossierId: dossier.id,
            line: `${number} : ${fullName(author)} vous mentionne (financeurs)`,
            url,
            email,
          },
          now,
        );
      }
    }
    return { id: comment.id, notified: recipients.length };
  });
}

/** The page's two forms, told apart by `intent`; French errors next to the fields, nothing typed lost. */
export async function handleCommunityIntent(
  db: PrismaClient,
  user: CommunityMember,
  dossierId: string,
  form: FormData,
  options: { appUrl: string; now?: Date },
): Promise<CommunityIntentResult> {
  // Before anything is read: a dossier no longer shared is a 404 whatever the form says.
  await getSharedDossier(db, user, dossierId);
  const intent = String(form.get("intent") ?? "");
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string" || name === "mentions") continue;
    values[name] ??= value;
  }
  const mentions = form.getAll("mentions").filter((value): value is string => typeof value === "string");
  if (mentions.length > 0) values.mentions = mentions.join(",");
  const refuse = (errors: Record<string, string>) => ({ ok: false as const, intent, errors, values });

  if (intent === "position") {
    if (!canTakePosition(user))
      return refuse({ form: "Seuls les membres d’une organisation financeuse prennent position." });
    const parsed = positionFormSchema.safeParse(values);
    if (!parsed.success) return refuse(fieldErrors(parsed.error, { depth: 1 }));
    const saved = await savePosition(db, user, { dossierId, ...parsed.data, now: options.now });
    return {
      ok: true,
      intent,
      message: saved.sharedAt
        ? "Votre position est enregistrée et visible des autres financeurs et de la Région."
        : "Votre position est enregistrée comme brouillon : seule votre organisation la voit.",
    };
  }
  if (intent === "comment") {
    const parsed = commentFormSchema.safeParse({ body: values.body, mentions });
    if (!parsed.success) return refuse(fieldErrors(parsed.error, { depth: 1 }));
    const posted = await postComment(db, user, {
      dossierId,
      ...parsed.data,
      now: options.now,
      appUrl: options.appUrl,
    });
    return {
      ok: true,
      intent,
      message:
        posted.notified === 0
          ? "Votre message est publié."
          : posted.notified === 1
            ? "Votre message est publié ; la personne mentionnée est prévenue par e-mail."
            : `Votre message est publié ; les ${posted.notified} personnes mentionnées sont prévenues par e-mail.`,
    };
  }
  return refuse({ form: "Action inconnue. Rechargez la page et réessayez." });
}
