// The shared shape of every email: French, plain text always complete, HTML escaped.
export interface RenderedEmail {
  /** Name of the template module, kept in the outbox for tracing. */
  template: string;
  subject: string;
  text: string;
  html: string;
}

export interface EmailContent {
  template: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Lines after the call to action (e.g. validity of a link). */
  footnotes?: string[];
}

export const PORTAL_NAME = "Portail ESS Centre-Val de Loire";

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const footnotes = content.footnotes ?? [];
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label} : ${content.action.url}`, ""] : []),
    ...footnotes.flatMap((line) => [line, ""]),
    "—",
    PORTAL_NAME,
    "Région Centre-Val de Loire",
  ].join("\n");

  const paragraph = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#12355b;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;display:inline-block">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#3a3a3a">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br><a href="${escapeHtml(content.action.url)}" style="color:#12355b">${escapeHtml(content.action.url)}</a></p>`
    : "";
  const html = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1e1e1e;line-height:1.5">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0 0 24px;font-weight:bold;color:#12355b">${PORTAL_NAME}</p>
${paragraph(content.greeting)}
${content.paragraphs.map(paragraph).join("\n")}
${action}
${footnotes.map(paragraph).join("\n")}
<p style="margin:32px 0 0;font-size:14px;color:#3a3a3a">${PORTAL_NAME} — Région Centre-Val de Loire</p>
</div></body></html>`;
  return { template: content.template, subject: content.subject, text, html };
}
