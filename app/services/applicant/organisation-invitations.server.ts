// Invitations to join an organisation. The emailed link carries a random token; only its SHA-256 is
// stored, so a database leak gives no usable link. The invitation and its email are written in one
// transaction (outbox): no invitation without its email, no email for an invitation that was rolled back.
import { createHash, randomBytes } from "node:crypto";

import { organisationInvitation } from "~emails/organisation-invitation";

import { fullName } from "~/domain/people";
import { MembershipRole } from "~/generated/prisma/enums";
import { enqueueEmail } from "~/services/platform/outbox.server";
import {
  OrganisationError,
  requireMembership,
  type OrganisationsDb,
} from "~/services/applicant/organisations.server";
import { portalUrl } from "~/services/dossiers/links.server";

export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

const invitationMessages = {
  unknown: "Ce lien d’invitation n’est pas valide. Vérifiez qu’il a été copié en entier.",
  used: "Cette invitation a déjà été utilisée.",
  expired:
    "Cette invitation a expiré (elle était valable 7 jours). Demandez au ou à la responsable de l’organisation de vous en envoyer une nouvelle.",
  otherEmail:
    "Cette invitation a été envoyée à une autre adresse électronique que celle de votre compte. Connectez-vous avec le compte de l’adresse invitée.",
  alreadyMember: "Cette personne est déjà membre de l’organisation.",
} as const;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationUrl(appUrl: string, token: string): string {
  return portalUrl(appUrl, `/invitations/${encodeURIComponent(token)}`);
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface InviteMemberInput {
  organisationId: string;
  inviterId: string;
  email: string;
  role: MembershipRole;
  /** Public address of the portal, for the link in the email (APP_URL). */
  appUrl: string;
  now?: Date;
}

/**
 * Invites a person by email; owners only. A new invitation to the same address replaces a pending one,
 * so only the latest link works.
 */
export async function inviteMember(db: OrganisationsDb, input: InviteMemberInput) {
  const email = normaliseEmail(input.email);
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    await requireMembership(tx, input.inviterId, input.organisationId, MembershipRole.OWNER);
    const alreadyMember = await tx.membership.findFirst({
      where: { organisationId: input.organisationId, user: { email } },
      select: { id: true },
    });
    if (alreadyMember) throw new OrganisationError(invitationMessages.alreadyMember, "email");

    const [inviter, organisation] = await Promise.all([
      tx.user.findUniqueOrThrow({
        where: { id: input.inviterId },
        select: { firstName: true, lastName: true },
      }),
      tx.organisation.findUniqueOrThrow({ where: { id: input.organisationId }, select: { name: true } }),
    ]);
    await tx.organisationInvitation.deleteMany({
      where: { organisationId: input.organisationId, email, acceptedAt: null },
    });
    const invitation = await tx.organisationInvitation.create({
      data: {
        organisationId: input.organisationId,
        email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: input.inviterId,
        expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
      },
    });
    await enqueueEmail(tx, {
      ...organisationInvitation({
        inviterName: fullName(inviter),
        organisationName: organisation.name,
        url: invitationUrl(input.appUrl, token),
      }),
      to: email,
    });
    return { invitation, token };
  });
}

/** Pending (not yet accepted) invitations of the organisation; owners only. */
export async function listPendingInvitations(db: OrganisationsDb, userId: string, organisationId: string) {
  await requireMembership(db, userId, organisationId, MembershipRole.OWNER);
  return db.organisationInvitation.findMany({
    where: { organisationId, acceptedAt: null },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Withdraws a pending invitation; owners only. Its link stops working at once. */
export async function revokeInvitation(
  db: OrganisationsDb,
  {
    organisationId,
    actorId,
    invitationId,
  }: { organisationId: string; actorId: string; invitationId: string },
) {
  await requireMembership(db, actorId, organisationId, MembershipRole.OWNER);
  const { count } = await db.organisationInvitation.deleteMany({
    where: { id: invitationId, organisationId, acceptedAt: null },
  });
  if (count === 0) throw new OrganisationError("Cette invitation n’existe plus ou a déjà été acceptée.");
}

/** What the invitation page shows before the person accepts; null for an unknown token. */
export async function findInvitation(db: OrganisationsDb, token: string, now: Date = new Date()) {
  const invitation = await db.organisationInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: {
      organisation: { select: { id: true, name: true } },
      invitedBy: { select: { firstName: true, lastName: true } },
    },
  });
  if (!invitation) return null;
  return {
    email: invitation.email,
    role: invitation.role,
    organisation: invitation.organisation,
    inviterName: fullName(invitation.invitedBy),
    expiresAt: invitation.expiresAt,
    state: invitation.acceptedAt ? "used" : invitation.expiresAt <= now ? "expired" : "pending",
  } as const;
}

/**
 * Accepts the invitation for the signed-in user, whose email must be the invited one. Single use: the
 * invitation is claimed by a conditional update, so two simultaneous clicks create one membership.
 * Returns the organisation's id.
 */
export async function acceptInvitation(
  db: OrganisationsDb,
  { token, userId, now = new Date() }: { token: string; userId: string; now?: Date },
): Promise<string> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.organisationInvitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
    });
    if (!invitation) throw new OrganisationError(invitationMessages.unknown);
    if (invitation.acceptedAt) throw new OrganisationError(invitationMessages.used);
    if (invitation.expiresAt <= now) throw new OrganisationError(invitationMessages.expired);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    if (normaliseEmail(user.email) !== normaliseEmail(invitation.email)) {
      throw new OrganisationError(invitationMessages.otherEmail);
    }

    const claimed = await tx.organisationInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new OrganisationError(invitationMessages.used);

    const key = { userId_organisationId: { userId, organisationId: invitation.organisationId } };
    const existing = await tx.membership.findUnique({ where: key });
    if (!existing) {
      await tx.membership.create({
        data: { userId, organisationId: invitation.organisationId, role: invitation.role },
      });
    } else if (invitation.role === MembershipRole.OWNER && existing.role !== MembershipRole.OWNER) {
      // Invited as owner while already a member: the invitation is a promotion.
      await tx.membership.update({ where: key, data: { role: MembershipRole.OWNER } });
    }
    return invitation.organisationId;
  });
}
