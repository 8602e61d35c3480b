// One act after the grant, written the same way by every post-grant service, inside the transaction that
// makes it: a FOLLOW_UP event in the dossier's timeline (the sentence the association reads) and a line of
// the audit log (who, what, on which payment, report or recovery).
import type { AuditAction } from "~/domain/audit";
import type { Prisma } from "~/generated/prisma/client";
import { DossierEventKind } from "~/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export interface FollowUp {
  dossierId: string;
  /** Null when the portal itself acts (a periodic job). */
  actorId: string | null;
  action: AuditAction;
  /** The timeline's sentence, in French: « Avance de l’année 1 demandée : 6 000,00 € ». */
  reason: string;
  /** What the act is about, e.g. { paymentId, position } or { reportId, period }: kept in both records. */
  target: {
    type: "AgreementAcceptance" | "Payment" | "FinancialReport" | "Recovery" | "Dossier";
    id: string;
  };
  details?: Record<string, Prisma.InputJsonValue | null>;
  ip?: string | null;
  now: Date;
}

export async function recordFollowUp(tx: Tx, act: FollowUp): Promise<void> {
  const details = {
    [`${act.target.type.charAt(0).toLowerCase()}${act.target.type.slice(1)}Id`]: act.target.id,
    ...act.details,
  };
  await tx.dossierEvent.create({
    data: {
      dossierId: act.dossierId,
      kind: DossierEventKind.FOLLOW_UP,
      actorId: act.actorId,
      reason: act.reason,
      data: details,
      createdAt: act.now,
    },
  });
  await tx.auditLog.create({
    data: {
      actorId: act.actorId,
      action: act.action,
      targetType: act.target.type,
      targetId: act.target.id,
      details: { dossierId: act.dossierId, ...details },
      ip: act.ip ?? null,
      createdAt: act.now,
    },
  });
}
