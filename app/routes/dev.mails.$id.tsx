import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { formatBytes } from "~/domain/uploads";
import { devMailboxEnabled, readStoredMail } from "~/services/platform/dev-mailbox.server";

export const meta: MetaFunction = () => [
  { title: "E-mail (développement) — Portail ESS Centre-Val de Loire" },
];

const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

export async function loader({ params }: LoaderFunctionArgs) {
  if (!devMailboxEnabled()) throw new Response("Page introuvable", { status: 404 });
  const mail = await readStoredMail(params.id ?? "");
  if (!mail) throw new Response("E-mail introuvable", { status: 404 });
  const links = [...new Set(mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
  const attachments = mail.attachments.map((attachment, index) => ({
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size === null ? null : formatBytes(attachment.size),
    // The file transport keeps a copy only of attachments given as bytes.
    href: attachment.size === null ? null : `/dev/mails/${mail.id}/pieces-jointes/${index}`,
  }));
  return { mail: { ...mail, date: dateTime.format(new Date(mail.date)) }, links, attachments };
}

export default function DevMail() {
  const { mail, links, attachments } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/dev/mails">Retour aux e-mails</Link>
      </p>
      <h1>{mail.subject}</h1>
      <dl className="details">
        <dt>Destinataire</dt>
        <dd>{mail.to}</dd>
        <dt>Date</dt>
        <dd>{mail.date}</dd>
      </dl>
      <h2>Pièces jointes</h2>
      {attachments.length === 0 ? (
        <p>Aucune pièce jointe.</p>
      ) : (
        <ul>
          {attachments.map((attachment, index) => (
            <li key={index}>
              {attachment.href ? (
                <a href={attachment.href} download>
                  {attachment.fileName}
                </a>
              ) : (
                attachment.fileName
              )}{" "}
              ({[attachment.contentType, attachment.size ?? "taille inconnue"].join(", ")})
            </li>
          ))}
        </ul>
      )}
      {links.length > 0 ? (
        <>
          <h2>Liens du message</h2>
          <ul className="mail-links">
            {links.map((link) => (
              <li key={link}>
                <a href={link}>{link}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Version texte</h2>
      <pre className="mail-text">{mail.text}</pre>
    </div>
  );
}
