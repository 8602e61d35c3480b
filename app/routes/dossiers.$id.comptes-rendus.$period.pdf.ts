// The financial report of a period as it was sent (PDF), for the members of the organisation.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { pdfDownload, reportPdf } from "~/services/post-grant/report-documents.server";
import { periodParam } from "~/services/post-grant/report-context.server";
import { refusePurgedFiles } from "~/services/admin/retention.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossier = await getDossierForMember(db, user.id, params.id ?? "");
  refusePurgedFiles(dossier);
  return pdfDownload(await reportPdf(db, storage(), dossier, periodParam(params.period)));
}
