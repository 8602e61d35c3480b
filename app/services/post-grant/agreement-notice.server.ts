// Who is told of an acceptance of the agreement: the association's members when the Region accepts, the
// instructor in charge when the association does.
import type { Prisma } from "~/generated/prisma/client";
import { AgreementSide, type AcceptanceMethod } from "~/generated/prisma/enums";
import { agreementAccepted } from "~emails/agreement-accepted";

import { portalUrl } from "~/services/dossiers/links.server";
import { applicantRecipients } from "~/services/dossiers/transition-notices.server";
import { notifyStaff } from "~/services/instruction/staff-notifications.server";
import { enqueueEmail } from "~/services/platform/outbox.server";

import { agreementPath, staffAgreementPath } from "./agreement-reads.server";

type Tx = Prisma.TransactionClient;

export async function notifyOtherParty(
  tx: Tx,
  input: {
    dossier: {
      id: string;
      number: string;
      title: string;
      organisationId: string;
      organisationName: string;
      assigneeId: string | null;
    };
    side: AgreementSide;
    method: AcceptanceMethod;
    signatory: string;
    complete: boolean;
    appUrl: string;
    now: Date;
  },
) {
  const { dossier, side, now } = input;
  const common = {
    dossierNumber: dossier.number,
    dossierTitle: dossier.title,
    signatory: input.signatory,
    acceptedAt: now,
    method: input.method,
    complete: input.complete,
  };
  if (side === AgreementSide.REGION) {
    const url = portalUrl(input.appUrl, agreementPath(dossier.id));
    for (const person of await applicantRecipients(tx, dossier.organisationId)) {
      await enqueueEmail(
        tx,
        {
          ...agreementAccepted({
            ...common,
            firstName: person.firstName,
            acceptedBy: "la Région Centre-Val de Loire",
            forHolder: true,
            url,
          }),
          to: person.email,
        },
        { now },
      );
    }
    return;
  }
  if (!dossier.assigneeId) return;
  const assignee = await tx.user.findUnique({
    where: { id: dossier.assigneeId },
    select: { firstName: true },
  });
  if (!assignee) return;
  const url = portalUrl(input.appUrl, staffAgreementPath(dossier.id));
  await notifyStaff(
    tx,
    {
      userId: dossier.assigneeId,
      dossierId: dossier.id,
      line: `${dossier.number} : convention acceptée par le bénéficiaire`,
      url,
      email: agreementAccepted({
        ...common,
        firstName: assignee.firstName,
        acceptedBy: dossier.organisationName,
        forHolder: false,
        url,
      }),
    },
    now,
  );
}
