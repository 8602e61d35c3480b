import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { devMailboxEnabled, listStoredMails } from "~/services/platform/dev-mailbox.server";

export const meta: MetaFunction = () => [
  { title: "E-mails envoyés (développement) — Portail ESS Centre-Val de Loire" },
];

const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

// Development only: without an SMTP server, emails are written to ./data/mail and read here.
export async function loader() {
  if (!devMailboxEnabled()) throw new Response("Page introuvable", { status: 404 });
  const mails = await listStoredMails();
  return {
    mails: mails.map((mail) => ({
      id: mail.id,
      to: mail.to,
      subject: mail.subject,
      date: dateTime.format(new Date(mail.date)),
    })),
  };
}

export default function DevMails() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>E-mails envoyés</h1>
      <p>
        Sans serveur SMTP configuré, le portail écrit les e-mails dans <code>data/mail</code>. Cette page
        n’existe pas en production.
      </p>
      {mails.length === 0 ? (
        <p>Aucun e-mail pour le moment.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="dev-mails-caption" tabIndex={0}>
          <table>
            <caption id="dev-mails-caption">{mails.length} e-mail(s), du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Destinataire</th>
                <th scope="col">Objet</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td>{mail.date}</td>
                  <td>{mail.to}</td>
                  <td>
                    <Link to={`/dev/mails/${mail.id}`}>{mail.subject}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
