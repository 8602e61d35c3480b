// The files a dossier receives and gives: small genuine PDFs to attach, and what its filing receipt says.
import { expect } from "@playwright/test";
import PDFDocument from "pdfkit";

import { formatEuros } from "../../../app/domain/format";

/** The receipt names the dossier, its organisation and the amount asked, as the portal prints amounts. */
export function expectReceipt(
  text: string,
  expected: { number: string; organisation: string; requestedCents: number },
): void {
  const lines = text.split(/[\n\f]/).map((line) => line.trim());
  expect(lines).toContain("Récépissé de dépôt");
  expect(lines).toContain(expected.number);
  expect(lines).toContain(`Nom ${expected.organisation}`);
  expect(lines).toContain(`Montant demandé à la Région ${formatEuros(expected.requestedCents)}`);
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A small genuine PDF whose only page carries `title`. */
export async function pdfFile(name: string, title: string): Promise<UploadFile> {
  const doc = new PDFDocument({ size: "A5", info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.fontSize(14).text(title);
  doc.end();
  await ended;
  return { name, mimeType: "application/pdf", buffer: Buffer.concat(chunks) };
}
