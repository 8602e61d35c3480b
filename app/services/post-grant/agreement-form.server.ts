// Reading a convention page's form (online acceptance or paper scan), for both audiences: the text fields
// as typed (to show them again on a refusal) and the scan, inspected as it arrives (inspectUpload).
import { AcceptanceMethod } from "~/generated/prisma/enums";
import { UserError } from "~/domain/user-error";

import { readFormData } from "~/services/platform/http.server";
import { ONE_FILE_AT_A_TIME, readMultipartForm } from "~/services/platform/multipart.server";
import type { UploadInspection } from "~/services/platform/uploads.server";

/** The paper form's field names (both forms are on one page: distinct ids). */
const PAPER = { signatoryName: "paperName", signatoryRole: "paperRole", declaration: "paperDeclaration" };

export interface AcceptanceForm {
  intent: "online" | "paper";
  values: Record<string, string>;
  method: AcceptanceMethod;
  signatoryName: string;
  signatoryRole: string;
  declared: boolean;
  documentId: string | null;
  scan: UploadInspection | null;
}

export async function readAcceptanceForm(request: Request): Promise<AcceptanceForm> {
  const values: Record<string, string> = {};
  let scan: UploadInspection | null = null;
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const { form, files, extraFiles } = await readMultipartForm(request, {
      fileFields: ["scan"],
      maxFiles: 1,
    });
    if (extraFiles > 0)
      throw new UserError(ONE_FILE_AT_A_TIME, { status: 422, fieldErrors: { scan: ONE_FILE_AT_A_TIME } });
    for (const [name, value] of form) if (typeof value === "string") values[name] ??= value;
    scan = files[0]?.inspection ?? null;
  } else {
    for (const [name, value] of await readFormData(request))
      if (typeof value === "string") values[name] ??= value;
  }
  const paper = values.intent === "paper";
  if (values.intent !== "online" && !paper) {
    throw new UserError("Action inconnue. Rechargez la page et réessayez.", { status: 400 });
  }
  const field = (name: keyof typeof PAPER) => values[paper ? PAPER[name] : name] ?? "";
  return {
    intent: paper ? "paper" : "online",
    values,
    method: paper ? AcceptanceMethod.PAPER : AcceptanceMethod.ONLINE,
    signatoryName: field("signatoryName"),
    signatoryRole: field("signatoryRole"),
    declared: field("declaration") === "on",
    documentId: values.documentId || null,
    scan,
  };
}

/** A service's field errors under the names of the form that was sent. */
export function formErrors(
  intent: "online" | "paper",
  errors: Record<string, string>,
): Record<string, string> {
  if (intent === "online") return errors;
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => [PAPER[key as keyof typeof PAPER] ?? key, message]),
  );
}
