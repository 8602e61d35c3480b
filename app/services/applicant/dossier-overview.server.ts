// Everything a dossier's own page shows its applicants: next action, corrections to answer, documents,
// timeline, messages and the consent to share, formatted for French readers.
import {
  COMPLETE_DOSSIER_SLUG,
  documentHref,
  ISSUED_DOCUMENTS,
  type DocumentSlug,
  type IssuedDocumentSlug,
} from "~/domain/dossier-documents";
import { dossierSteps } from "~/domain/dossier-forms";
import { messageEntry, personLabel, timelineEntry } from "~/domain/dossier-timeline";
import { formatDate, formatDateTime, formatEuros } from "~/domain/format";
import { formatBytes } from "~/domain/uploads";
import { env } from "~/env.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { DossierEventKind, DossierStatus } from "~/generated/prisma/enums";

import { listMessages } from "~/services/dossiers/messages.server";
import { moneyTimeline } from "~/services/post-grant/money.server";
import { dossierTimelineEvents } from "~/services/dossiers/timeline.server";
import { openCorrections } from "./correction-requests.server";
import { sharingState } from "./dossier-sharing.server";
import { formContext, getDossierForMember } from "./dossiers.server";

export type DossierOverview = Awaited<ReturnType<typeof dossierOverview>>;

export async function dossierOverview(
  db: PrismaClient,
  userId: string,
  dossierId: string,
  now: Date = new Date(),
) {
  const dossier = await getDossierForMember(db, userId, dossierId);
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters);
  const steps = dossierSteps(dossier.schemeCode, context);
  const [events, corrections, documents, messages, sharing, session, money] = await Promise.all([
    dossierTimelineEvents(db, dossier.id),
    openCorrections(db, dossier, steps, context.parameters.requiredAttachments),
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
    // After the grant: the money's timeline (null before).
    moneyTimeline(db, dossier.id, "applicant", now),
  ]);

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
    money,
    corrections: corrections.map(({ requestedAt: _requestedAt, ...correction }) => correction),
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
