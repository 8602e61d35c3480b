// Everything a dossier's own page shows its applicants: next action, corrections to answer, documents,
// timeline, messages and the consent to share, formatted for French readers.
import {
  COMPLETE_DOSSIER_SLUG,
  documentHref,
  ISSUED_DOCUMENTS,
  type DocumentSlug,
  type IssuedDocumentSlug,
} from "~/domain/dossier-documents";
import { dossierSteps, isList } from "~/domain/dossier-forms";
import { messageEntry, personLabel, timelineEntry } from "~/domain/dossier-timeline";
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import { formatBytes } from "~/domain/uploads";
import { env } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, DossierStatus } from "~/generated/prisma/enums";

import { listMessages } from "~/services/dossiers/messages.server";
import { dossierTimelineEvents } from "~/services/dossiers/timeline.server";
import { sharingState } from "./dossier-sharing.server";
import { formContext, getDossierForMember } from "./dossiers.server";

export type DossierOverview = Awaited<ReturnType<typeof dossierOverview>>;

export async function dossierOverview(db: PrismaClient, userId: string, dossierId: string) {
  const dossier = await getDossierForMember(db, userId, dossierId);
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const steps = dossierSteps(dossier.schemeCode, context);
  const [events, corrections, documents, messages, sharing, session] = await Promise.all([
    dossierTimelineEvents(db, dossier.id),
    dossier.status === DossierStatus.CORRECTION_REQUESTED
      ? db.correctionRequest.findMany({
          where: { dossierId: dossier.id, status: "OPEN" },
          orderBy: { createdAt: "asc" },
        })
      : Promise.resolve([]),
    db.generatedDocument.findMany({
      where: { dossierId: dossier.id },
      orderBy: { createdAt: "desc" },
      select: { kind: true, createdAt: true },
    }),
    listMessages(db, userId, dossier.id),
    sharingState(db, userId, dossier.id),
    dossier.commissionSessionId
      ? db.commissionSession.findUnique({ where: { id: dossier.commissionSessionId } })
      : Promise.resolve(null),
  ]);

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
  const attachmentLabels = new Map(
    context.parameters.requiredAttachments.map((item) => [item.kind, item.label]),
  );
  const decision = events.find(
    (event) => event.kind === DossierEventKind.STATUS_CHANGE && event.toStatus === dossier.status,
  );
  const downloads: Array<{ slug: DocumentSlug; label: string; date: string | null }> = [];
  for (const slug of Object.keys(ISSUED_DOCUMENTS) as IssuedDocumentSlug[]) {
    const latest = documents.find((document) => document.kind === ISSUED_DOCUMENTS[slug].kind);
    if (latest)
      downloads.push({ slug, label: ISSUED_DOCUMENTS[slug].label, date: formatDate(latest.createdAt) });
  }
  downloads.push({ slug: COMPLETE_DOSSIER_SLUG, label: "Dossier complet", date: null });

  return {
    dossier: {
      id: dossier.id,
      status: dossier.status,
      number: dossier.number,
      firstStepHref: `/dossiers/${dossier.id}/etapes/${steps[0]?.id ?? ""}`,
      grantedAmount: dossier.grantedAmountCents === null ? null : formatEuros(dossier.grantedAmountCents),
      decidedOn: dossier.decidedAt ? formatDate(dossier.decidedAt) : null,
      closedOn: dossier.closedAt ? formatDate(dossier.closedAt) : null,
      decisionReason: decision?.reason ?? null,
      commissionDate: session ? formatDate(session.date) : null,
    },
    corrections: corrections.map((correction) => ({
      id: correction.id,
      reason: correction.reason,
      requestedOn: formatDate(correction.createdAt),
      replyBy: formatDate(correction.replyBy),
      fields: correction.fields.map((name) => fieldLabels.get(name) ?? name),
      attachments: correction.attachmentKinds.map((kind) => attachmentLabels.get(kind) ?? "Autre pièce"),
    })),
    documents: downloads.map((document) => ({ ...document, href: documentHref(dossier.id, document.slug) })),
    timeline: events.map((event) => timelineEntry(event, personLabel(event.actor))),
    messages: messages.map((item) => messageEntry(item, `/dossiers/${dossier.id}/pieces`)),
    canWrite: dossier.status !== DossierStatus.DRAFT,
    uploadLimit: formatBytes(env().uploadMaxBytes),
    sharing: {
      shared: sharing.shared,
      lastChange: sharing.lastChange
        ? { ...sharing.lastChange, at: formatDateTime(sharing.lastChange.at) }
        : null,
    },
  };
}
