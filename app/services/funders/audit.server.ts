// The audit row of a funders' community act, written in the transaction that makes the change.
import type { AuditAction } from "~/domain/audit";
import type { Prisma } from "~/generated/prisma/client";

export function auditFunderAct(
  tx: Prisma.TransactionClient,
  entry: {
    actorId: string;
    action: AuditAction;
    targetType: "Dossier" | "ProjectReview" | "FunderSavedFilter";
    targetId: string;
    details?: Prisma.InputJsonValue;
    now: Date;
  },
) {
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
      createdAt: entry.now,
    },
  });
}
