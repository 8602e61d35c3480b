// Inviting Region staff and funder members: the account is created without a usable password, and a
// single-use link (only its SHA-256 is stored) lets the person choose one. The account, the link and the
// email that carries it are written together or not at all.
import { randomBytes } from "node:crypto";

import { fullName } from "~/domain/people";
import { AUDIT_ACTIONS } from "~/domain/audit";
import {
  INVITATION_TTL_DAYS,
  isInvitationPending,
  PENDING_PASSWORD_PREFIX,
  type InstructorScopeInput,
} from "~/domain/staff-accounts";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { TokenPurpose, UserRole } from "~/generated/prisma/enums";
import { appUrl } from "~/env.server";
import { hashPassword } from "~/services/accounts/password.server";
import { hashToken, newToken } from "~/services/accounts/tokens.server";
import { enqueueEmail } from "~/services/platform/outbox.server";
import { accountInvitation } from "~emails/account-invitation";

import { checkScopeCodes } from "./account-access.server";
import { AccountAdminError, accountNotFound } from "./accounts.server";

const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60_000;

export interface Inviter {
  id: string;
  firstName: string;
  lastName: string;
}

export interface InvitationInput {
  firstName: string;
  lastName: string;
  email: string;
  role: typeof UserRole.INSTRUCTOR | typeof UserRole.ADMIN | typeof UserRole.FUNDER;
  /** Required for a funder member, ignored otherwise. */
  funderOrganisationId?: string | null;
  /** An instructor's scope set right away; without one they see no dossier until it is set. */
  scope?: InstructorScopeInput | null;
}

const emailTaken = () =>
  new AccountAdminError({
    email: "Un compte existe déjà avec cette adresse e-mail\u202f: retrouvez-le dans la liste des comptes.",
  });

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** A fresh invitation link for the account, with its email; earlier links stop working. */
async function sendInvitation(
  tx: Prisma.TransactionClient,
  user: {
    id: string;
    email: string;
    firstName: string;
    role: UserRole;
    funderOrganisationName: string | null;
  },
  inviter: Inviter,
  now: Date,
) {
  await tx.userToken.updateMany({
    where: {
      userId: user.id,
      purpose: TokenPurpose.ACCOUNT_INVITATION,
      usedAt: null,
      expiresAt: { gt: now },
    },
    data: { expiresAt: now },
  });
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await tx.userToken.create({
    data: { tokenHash, purpose: TokenPurpose.ACCOUNT_INVITATION, userId: user.id, expiresAt, createdAt: now },
  });
  await enqueueEmail(
    tx,
    {
      to: user.email,
      ...accountInvitation({
        firstName: user.firstName,
        inviterName: fullName(inviter),
        role: user.role,
        funderOrganisationName: user.funderOrganisationName,
        url: appUrl(`/activer-mon-compte/${token}`),
        validityDays: INVITATION_TTL_DAYS,
      }),
    },
    { now },
  );
  return expiresAt;
}

export async function inviteAccount(
  db: PrismaClient,
  input: { inviter: Inviter; account: InvitationInput; now: Date },
): Promise<{ userId: string }> {
  const { account, inviter, now } = input;
  const email = account.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  const isFunder = account.role === UserRole.FUNDER;
  const organisation = isFunder
    ? await db.funderOrganisation.findUnique({
        where: { id: account.funderOrganisationId ?? "" },
        select: { id: true, name: true },
      })
    : null;
  if (isFunder && !organisation) {
    throw new AccountAdminError({ funderOrganisationId: "Cette organisation financeuse n’existe pas." });
  }
  const scope = account.role === UserRole.INSTRUCTOR ? (account.scope ?? null) : null;
  if (scope) await checkScopeCodes(db, scope);
  // Nobody knows this password; the emailed link is the only way in.
  const passwordHash = PENDING_PASSWORD_PREFIX + randomBytes(32).toString("base64url");
  const userId = await db
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email,
          firstName: account.firstName,
          lastName: account.lastName,
          role: account.role,
          passwordHash,
          funderOrganisationId: organisation?.id ?? null,
          createdAt: now,
          ...(scope ? { instructorScope: { create: scope } } : {}),
        },
      });
      const expiresAt = await sendInvitation(
        tx,
        { ...user, funderOrganisationName: organisation?.name ?? null },
        inviter,
        now,
      );
      await tx.auditLog.create({
        data: {
          actorId: inviter.id,
          action: AUDIT_ACTIONS.staffInvited,
          targetType: "User",
          targetId: user.id,
          details: {
            email,
            role: account.role,
            funderOrganisationId: organisation?.id ?? null,
            scope: scope ?? null,
            expiresAt: expiresAt.toISOString(),
          },
          createdAt: now,
        },
      });
      return user.id;
    })
    // Two invitations of one address at the same instant: the unique index refuses the second.
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    });
  return { userId };
}

export async function resendInvitation(
  db: PrismaClient,
  input: { inviter: Inviter; userId: string; now: Date },
) {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    include: { funderOrganisation: { select: { name: true } } },
  });
  if (!user) throw accountNotFound();
  if (user.deactivatedAt) {
    throw new AccountAdminError({
      form: "Ce compte est désactivé\u202f: réactivez-le avant de renvoyer l’invitation.",
    });
  }
  if (!isInvitationPending(user.passwordHash)) {
    throw new AccountAdminError(
      { form: "Ce compte est déjà activé\u202f: il n’y a plus d’invitation à renvoyer." },
      409,
    );
  }
  await db.$transaction(async (tx) => {
    const expiresAt = await sendInvitation(
      tx,
      { ...user, funderOrganisationName: user.funderOrganisation?.name ?? null },
      input.inviter,
      input.now,
    );
    await tx.auditLog.create({
      data: {
        actorId: input.inviter.id,
        action: AUDIT_ACTIONS.invitationResent,
        targetType: "User",
        targetId: user.id,
        details: { email: user.email, expiresAt: expiresAt.toISOString() },
        createdAt: input.now,
      },
    });
  });
}

/** A usable invitation link: unused, unexpired, for an account still waiting and not deactivated. */
function usableInvitation(token: string, now: Date): Prisma.UserTokenWhereInput {
  return {
    tokenHash: hashToken(token),
    purpose: TokenPurpose.ACCOUNT_INVITATION,
    usedAt: null,
    expiresAt: { gt: now },
    user: { deactivatedAt: null, passwordHash: { startsWith: PENDING_PASSWORD_PREFIX } },
  };
}

/** Who the link invites, or null when it cannot be used (unknown, used, expired, account deactivated). */
export async function findInvitation(db: PrismaClient, token: string, now: Date) {
  const stored = await db.userToken.findFirst({
    where: usableInvitation(token, now),
    select: { user: { select: { firstName: true, email: true } } },
  });
  return stored?.user ?? null;
}

export const INVITATION_UNUSABLE =
  "Ce lien d’activation n’est plus valable\u202f: il a déjà servi, a expiré ou le compte a été désactivé. Demandez une nouvelle invitation à l’administration du portail.";

/** Sets the first password through the link, once; the address is verified by the same token. */
export async function activateAccount(
  db: PrismaClient,
  input: { token: string; password: string; now: Date },
): Promise<{ ok: true; userId: string } | { ok: false; error: string }> {
  const passwordHash = await hashPassword(input.password);
  const userId = await db.$transaction(async (tx) => {
    const stored = await tx.userToken.findFirst({
      where: usableInvitation(input.token, input.now),
      select: { id: true, userId: true },
    });
    if (!stored) return null;
    // Single use even under two clicks at once: only one update still sees usedAt null.
    const { count } = await tx.userToken.updateMany({
      where: { id: stored.id, usedAt: null },
      data: { usedAt: input.now },
    });
    if (count !== 1) return null;
    await tx.user.update({
      where: { id: stored.userId },
      data: { passwordHash, emailVerifiedAt: input.now },
    });
    await tx.auditLog.create({
      data: {
        actorId: stored.userId,
        action: AUDIT_ACTIONS.invitationAccepted,
        targetType: "User",
        targetId: stored.userId,
        createdAt: input.now,
      },
    });
    return stored.userId;
  });
  return userId ? { ok: true, userId } : { ok: false, error: INVITATION_UNUSABLE };
}
