import type { LoaderFunctionArgs } from "@remix-run/node";

import { attachmentContentDisposition } from "~/domain/uploads";
import { devMailboxEnabled, readStoredAttachment } from "~/services/platform/dev-mailbox.server";

// Development only: an attachment of an email written to ./data/mail, always as a download.
export async function loader({ params }: LoaderFunctionArgs) {
  if (!devMailboxEnabled()) throw new Response("Page introuvable", { status: 404 });
  const index = /^\d{1,3}$/.test(params.index ?? "") ? Number(params.index) : -1;
  const attachment = await readStoredAttachment(params.id ?? "", index);
  if (!attachment) throw new Response("Pièce jointe introuvable", { status: 404 });
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      // Served as bytes to download, whatever type the email declared: nothing here is shown inline.
      "Content-Type": "application/octet-stream",
      "Content-Disposition": attachmentContentDisposition(attachment.fileName),
      "Content-Length": String(attachment.content.byteLength),
    },
  });
}
