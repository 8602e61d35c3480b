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

/** The accepted type with this MIME type, if any. */
export function acceptedType(mime: string): AcceptedType | undefined {
  return ACCEPTED_TYPES.find((type) => type.mime === mime);
}

/** For the file picker's `accept` attribute; the server checks the content whatever the picker allowed. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_TYPES.map((type) => `.${type.extension},${type.mime}`).join(",");

/** The size limit of one attachment when UPLOAD_MAX_BYTES is not set: 10 Mio. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The size limit of one attachment: UPLOAD_MAX_BYTES when set to a positive whole number, else 10 Mio. The
 * application reads it checked, as `env().uploadMaxBytes` (app/env.server.ts).
 */
export function maxUploadBytes(env: { UPLOAD_MAX_BYTES?: string }): number {
  const configured = Number(env.UPLOAD_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : MAX_UPLOAD_BYTES;
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
  archive:
    "Ce document bureautique est anormal (trop de fichiers internes, ou bien plus volumineux une fois ouvert qu’il n’y paraît) : enregistrez-le de nouveau depuis votre logiciel, ou envoyez-le en PDF.",
} as const;

/** The accepted types that are ZIP archives underneath, checked entry by entry before they are kept. */
export const ARCHIVE_EXTENSIONS: readonly string[] = ["docx", "xlsx", "odt", "ods"];

export const DEFAULT_DOWNLOAD_STEM = "piece-jointe";
const MAX_NAME_LENGTH = 120;

/**
 * The name a file keeps for download, from whatever the browser sent: no folders, no control, invisible
 * or reserved characters, no double quotes, accents kept, at most 120 characters. With `extension` (the
 * type its content was recognised as), the name always ends with it, whatever the sender called the file.
 */
export function safeDownloadName(originalName: string, extension?: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    // Tabs and line breaks become spaces; other control and format characters go (a right-to-left
    // override can make « facture\u202efdp.exe » read as a PDF).
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[<>:"|?*`]/g, "")
    // The typographic apostrophe reads the same and needs no escaping in a Content-Disposition header.
    .replace(/'/g, "’")
    .replace(/ {2,}/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  const match = /^(.*?)(?:\.([\p{L}\p{N}]{1,10}))?$/u.exec(cleaned);
  const stem = match?.[1]?.replace(/[.\s]+$/, "") || DEFAULT_DOWNLOAD_STEM;
  const suffix = (extension ?? match?.[2] ?? "").toLowerCase();
  const room = MAX_NAME_LENGTH - (suffix ? suffix.length + 1 : 0);
  // Cut by code point, never inside an emoji's surrogate pair.
  const shortened = Array.from(stem).slice(0, room).join("").trim() || DEFAULT_DOWNLOAD_STEM;
  return suffix ? `${shortened}.${suffix}` : shortened;
}

/**
 * The Content-Disposition header that makes the browser download the file (never display it) under its
 * name: a plain ASCII fallback for old clients and the exact UTF-8 name (RFC 6266 and 8187) for the others.
 */
export function attachmentContentDisposition(downloadName: string): string {
  const name = safeDownloadName(downloadName);
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/’/g, "'")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
