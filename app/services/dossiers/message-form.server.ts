// The message form of a dossier, on either side: reading it as it streams in (multipart, files checked by
// content) and the French reasons a message cannot be sent as it is.
import { safeDownloadName } from "~/domain/uploads";
import { UserError } from "~/domain/user-error";
import { MultipartError, readMultipartForm } from "~/services/platform/multipart.server";
import type { UploadInspection } from "~/services/platform/uploads.server";

export const MAX_MESSAGE_FILES = 5;
export const MAX_MESSAGE_LENGTH = 10_000;
/** The name of the message form's file input. */
export const MESSAGE_FILES_FIELD = "attachments";

export type MessageField = "body" | "attachments" | "form";

/** Refusals the applicant can fix, by field of the message form. */
export class MessageError extends UserError {
  constructor(readonly errors: Partial<Record<MessageField, string>>) {
    super(Object.values(errors).join(" "), { fieldErrors: errors as Record<string, string> });
    this.name = "MessageError";
  }
}

export interface MessageUpload {
  /** The name the sender's browser gave. */
  fileName: string;
  inspection: UploadInspection;
}

export interface MessageForm {
  fields: Record<string, string>;
  files: MessageUpload[];
  /** Files beyond MAX_MESSAGE_FILES: not read, only counted to refuse the message. */
  extraFiles: number;
}

/**
 * Reads the message form (multipart): its text fields, and each attached file checked as it streams in
 * (real type, size within `limit`). Nothing is stored here; a malformed body is a MessageError, never a 500.
 */
export async function readMessageForm(
  request: Request,
  options: { limit?: number; maxFiles?: number } = {},
): Promise<MessageForm> {
  try {
    const { form, files, extraFiles } = await readMultipartForm(request, {
      fileFields: [MESSAGE_FILES_FIELD],
      maxFiles: options.maxFiles ?? MAX_MESSAGE_FILES,
      limit: options.limit,
    });
    const fields: Record<string, string> = {};
    for (const [name, value] of form) if (typeof value === "string") fields[name] ??= value;
    return {
      fields,
      files: files.map((file) => ({ fileName: file.declaredName, inspection: file.inspection })),
      extraFiles,
    };
  } catch (error) {
    if (error instanceof MultipartError) throw new MessageError({ form: error.message });
    throw error;
  }
}

export type AcceptedUpload = { fileName: string; inspection: Extract<UploadInspection, { ok: true }> };

/** The French reasons a message cannot be sent as it is; empty when it can. */
export function messageProblems(body: string, files: MessageUpload[], extraFiles = 0) {
  const errors: Partial<Record<MessageField, string>> = {};
  const length = Array.from(body).length;
  if (length === 0) errors.body = "Écrivez votre message avant de l’envoyer.";
  else if (length > MAX_MESSAGE_LENGTH) {
    errors.body = `Le message ne doit pas dépasser ${MAX_MESSAGE_LENGTH.toLocaleString("fr-FR")} caractères (il en compte ${length.toLocaleString("fr-FR")}).`;
  }
  if (files.length + extraFiles > MAX_MESSAGE_FILES) {
    errors.attachments = `Vous pouvez joindre ${MAX_MESSAGE_FILES} fichiers au plus à un message.`;
  } else {
    const refused = files.flatMap((file) =>
      file.inspection.ok ? [] : [`« ${safeDownloadName(file.fileName)} »\u00a0: ${file.inspection.error}`],
    );
    if (refused.length > 0) errors.attachments = refused.join(" ");
  }
  return errors;
}
