// What applicants may attach to a dossier: the accepted file types (checked by content, never by name),
// the size limit, and the name a file is downloaded under.

export interface AcceptedType {
  mime: string;
  extension: string;
  label: string;
}

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { mime: "application/pdf", extension: "pdf", label: "PDF" },
  { mime: "image/jpeg", extension: "jpg", label: "image JPEG" },
  { mime: "image/png", extension: "png", label: "image PNG" },
  { mime: "application/vnd.oasis.opendocument.text", extension: "odt", label: "texte OpenDocument (ODT)" },
  {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
    label: "document Word (DOCX)",
  },
  {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
    label: "classeur Excel (XLSX)",
  },
  {
    mime: "application/vnd.oasis.opendocument.spreadsheet",
    extension: "ods",
    label: "classeur OpenDocument (ODS)",
  },
];

/** For the file picker's `accept` attribute; the server checks the content whatever the picker allowed. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.map((type) => `.${type.extension},${type.mime}`).join(",");

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The size limit of one attachment: UPLOAD_MAX_BYTES when set to a positive whole number, else 10 Mio. */
export function maxUploadBytes(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.UPLOAD_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_UPLOAD_BYTES;
}

/** « 10 Mio », « 512 Kio »: sizes as French interfaces write them. */
export function formatBytes(bytes: number): string {
  const number = (value: number) =>
    new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(value).replace(/\u202f/g, "\u00a0");
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))}\u00a0Mio`;
  if (bytes >= 1024) return `${number(bytes / 1024)}\u00a0Kio`;
  return `${bytes}\u00a0octets`;
}

export const UPLOAD_MESSAGES = {
  empty: "Le fichier est vide.",
  tooLarge: (limit: number) => `Le fichier dépasse la taille maximale de ${formatBytes(limit)}.`,
  refused: `Ce type de fichier n’est pas accepté. Formats acceptés : ${ACCEPTED_TYPES.map((type) => type.label).join(", ")}.`,
} as const;

const MAX_NAME_LENGTH = 120;

/**
 * The name a file keeps for download, from whatever the browser sent: no folders, no control or
 * reserved characters, accents kept, at most 120 characters, always ending with the extension its
 * content was recognised as.
 */
export function safeDownloadName(originalName: string, extension: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    // Control characters (below U+0020, and U+007F), then the characters file systems reserve.
    .replace(/\p{Cc}/gu, "")
    .replace(/[<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const stem = cleaned.replace(/\.[^.]*$/, "").trim() || "piece-jointe";
  return `${stem.slice(0, MAX_NAME_LENGTH - extension.length - 1).trim()}.${extension}`;
}
