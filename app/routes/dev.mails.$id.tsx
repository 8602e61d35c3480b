import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { devMailboxEnabled, readStoredMail } from "~/services/dev-mailbox.server";

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
  return { mail: { ...mail, date: dateTime.format(new Date(mail.date)) }, links };
}

export default function DevMail() {
  const { mail, links } = useLoaderData<typeof loader>();
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
      {links.length > 0 ? (
        <>
          <h2>Liens du message</h2>
          <ul>
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
