// The upload endpoint used with JavaScript (progress bar): same checks as the page's form, JSON answers.
import { type ActionFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import { uploadAttachment } from "~/services/applicant/attachments.server";
import { getDossierForMember } from "~/services/applicant/dossiers.server";
import { ONE_FILE_AT_A_TIME, readMultipartForm } from "~/services/platform/multipart.server";
import { requireRole } from "~/session.server";
import { storage } from "~/storage.server";
import { isUserError } from "~/domain/user-error";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "APPLICANT");
  const dossierId = params.id ?? "";
  await getDossierForMember(db, user.id, dossierId);
  try {
    const { form, files, extraFiles } = await readMultipartForm(request, { fileFields: ["file"] });
    if (extraFiles > 0) return json({ ok: false, error: ONE_FILE_AT_A_TIME }, 400);
    const file = files[0];
    if (!file) return json({ ok: false, error: "Choisissez un fichier." }, 400);
    if (!file.inspection.ok) return json({ ok: false, error: file.inspection.error }, 400);
    const replaceId = String(form.get("replaceId") ?? "") || undefined;
    const attachment = await uploadAttachment(db, storage(), {
      userId: user.id,
      dossierId,
      kind: String(form.get("kind") ?? ""),
      fileName: file.declaredName,
      source: file.inspection.bytes,
      replaceId,
    });
    return json({
      ok: true,
      id: attachment.id,
      message: `« ${attachment.fileName} » a été ${replaceId ? "remplacée" : "ajoutée"}.`,
    });
  } catch (error) {
    // A refusal is the upload's answer, in JSON like its success; anything else is a fault.
    if (!isUserError(error)) throw error;
    return json({ ok: false, error: error.message }, error.status);
  }
}

export function loader() {
  return new Response("Méthode non autorisée.", { status: 405 });
}
