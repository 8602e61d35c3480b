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

  // Table-based, inline styles only: what Outlook desktop (Word's renderer) and webmail clients all render.
  const paragraph = (value: string) =>
    `<p style="margin:0 0 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#1e1e1e">${escapeHtml(value)}</p>`;
  const small = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;color:#3a3a3a";
  const action = content.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0"><tr>
<td bgcolor="#12355b" style="background:#12355b;border-radius:4px;padding:12px 20px"><a href="${escapeHtml(content.action.url)}" style="font-family:Arial,Helvetica,sans-serif;font-size:16px;color:#ffffff;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></td>
</tr></table>
<p style="margin:0 0 16px;${small}">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur&nbsp;:<br><a href="${escapeHtml(content.action.url)}" style="color:#12355b;word-break:break-all">${escapeHtml(content.action.url)}</a></p>`
    : "";
  // The preheader: what inboxes show after the subject, here the first sentence of the message, hidden in the body.
  const preheader = content.paragraphs[0] ?? content.subject;
  const html = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="x-apple-disable-message-reformatting"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f8">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f6f8" style="background:#f4f6f8"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:100%;max-width:600px;background:#ffffff"><tr><td style="padding:24px">
<p style="margin:0 0 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;color:#12355b">${PORTAL_NAME}</p>
${paragraph(content.greeting)}
${content.paragraphs.map(paragraph).join("\n")}
${action}
${footnotes.map(paragraph).join("\n")}
<p style="margin:32px 0 0;${small}">${PORTAL_NAME} — Région Centre-Val de Loire</p>
</td></tr></table>
</td></tr></table>
</body></html>`;
  return { template: content.template, subject: content.subject, text, html };
}
