// The open correction requests of a dossier as its applicants read them: why, what, by when, and where to
// start answering. Shown on the dossier's page, its pieces and the page that sends it back.
import { correctionStart } from "~/domain/correction-request";
import { isList, type StepDef } from "~/domain/dossier-forms";
import { formatDate } from "~/domain/format";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierStatus, type DossierStatus as DossierStatusType } from "~/generated/prisma/enums";

export type OpenCorrection = Awaited<ReturnType<typeof openCorrections>>[number];

export async function openCorrections(
  db: PrismaClient,
  dossier: { id: string; status: DossierStatusType },
  steps: StepDef[],
  requiredAttachments: ReadonlyArray<{ kind: string; label: string }>,
) {
  if (dossier.status !== DossierStatus.CORRECTION_REQUESTED) return [];
  const requests = await db.correctionRequest.findMany({
    where: { dossierId: dossier.id, status: "OPEN" },
    orderBy: { createdAt: "asc" },
  });
  const fieldLabels = new Map<string, string>();
  for (const step of steps) {
    for (const item of step.items) {
      fieldLabels.set(item.name, item.label);
      if (isList(item)) {
        for (const field of item.fields) {
          fieldLabels.set(`${item.name}.${field.name}`, `${item.label} — ${field.label}`);
        }
      }
    }
  }
  const attachmentLabels = new Map(requiredAttachments.map((item) => [item.kind, item.label]));
  return requests.map((request) => {
    const start = correctionStart(steps, request);
    return {
      id: request.id,
      reason: request.reason,
      requestedAt: request.createdAt,
      requestedOn: formatDate(request.createdAt),
      replyBy: formatDate(request.replyBy),
      fields: request.fields.map((name) => fieldLabels.get(name) ?? name),
      attachmentKinds: request.attachmentKinds,
      attachments: request.attachmentKinds.map((kind) => attachmentLabels.get(kind) ?? "Autre pièce"),
      startHref:
        start === "pieces"
          ? `/dossiers/${dossier.id}/pieces`
          : start
            ? `/dossiers/${dossier.id}/etapes/${start.stepId}`
            : null,
    };
  });
}
