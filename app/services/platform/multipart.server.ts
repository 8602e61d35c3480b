// Reads a multipart form whose files are checked as they arrive: each file part is read only up to the
// size limit and recognised by its content; text fields are kept as they are.
import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";

import { UPLOAD_MESSAGES } from "~/domain/uploads";
import { env } from "~/env.server";

import { withoutNulCharacters } from "./http.server";
import { decodeQuotedParameter, withEscapedPartHeaders } from "./multipart-headers.server";
import { inspectUpload, type UploadInspection } from "./uploads.server";
import { UserError } from "~/domain/user-error";

export interface UploadedFile {
  field: string;
  declaredName: string;
  inspection: UploadInspection;
}

/** A piece is sent one file at a time. */
export const ONE_FILE_AT_A_TIME = "Envoyez un seul fichier à la fois.";

export class MultipartError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "MultipartError";
  }
}

/**
 * The form's text fields and its files, at most `maxFiles` of them: further files are not read, only counted
 * in `extraFiles`, so the caller can refuse them in its own words. Empty file inputs are skipped.
 */
export async function readMultipartForm(
  request: Request,
  options: { fileFields: readonly string[]; maxFiles?: number; limit?: number },
): Promise<{ form: FormData; files: UploadedFile[]; extraFiles: number }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    throw new MultipartError(
      "Le formulaire n’a pas été envoyé correctement : rechargez la page et réessayez.",
    );
  }
  const limit = options.limit ?? env().uploadMaxBytes;
  const maxFiles = options.maxFiles ?? 1;
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > limit * maxFiles + 1_000_000) {
    throw new MultipartError(UPLOAD_MESSAGES.tooLarge(limit));
  }
  const files: UploadedFile[] = [];
  let extraFiles = 0;
  const handler = composeUploadHandlers(
    async ({ name, filename: escapedName, data }) => {
      if (!options.fileFields.includes(name) || escapedName === undefined) return undefined;
      const filename = decodeQuotedParameter(escapedName);
      if (!filename) {
        // An empty file input still sends a part; drain it.
        for await (const _chunk of data);
        return "";
      }
      if (files.length >= maxFiles) {
        extraFiles += 1;
        for await (const _chunk of data);
        return "";
      }
      const inspection = await inspectUpload(data, filename, limit);
      // The parser would buffer whatever of the part is left unread: an oversize file is read to its end and
      // dropped chunk by chunk, so memory stays bounded by the limit.
      for await (const _chunk of data);
      files.push({ field: name, declaredName: filename, inspection });
      return "";
    },
    createMemoryUploadHandler({ maxPartSize: 100_000 }),
  );
  try {
    const form = withoutNulCharacters(await parseMultipartFormData(withEscapedPartHeaders(request), handler));
    return { form, files, extraFiles };
  } catch (error) {
    if (error instanceof MultipartError) throw error;
    // Malformed bodies and oversized text fields: the person's browser did not send a sensible form.
    throw new MultipartError("Le formulaire envoyé n’a pas pu être lu : rechargez la page et réessayez.");
  }
}
