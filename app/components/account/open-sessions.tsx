// « Mon compte »: the sessions open on the account, each closable, and signing out everywhere.
import { Form } from "@remix-run/react";

export interface OpenSession {
  id: string;
  device: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export function OpenSessions({ sessions }: { sessions: OpenSession[] }) {
  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions">Appareils connectés</h2>
      {/* Named by the heading: a hidden caption would widen the stacked table on a phone. */}
      <table className="table-stack" aria-labelledby="sessions">
        <thead>
          <tr>
            <th scope="col">Appareil</th>
            <th scope="col">Connexion</th>
            <th scope="col">Dernière activité</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row" data-label="Appareil">
                {session.device}
                {session.current ? " (cet appareil)" : null}
              </th>
              <td data-label="Connexion">{session.createdAt}</td>
              <td data-label="Dernière activité">{session.lastSeenAt}</td>
              <td className="table-stack__action">
                <Form method="post">
                  <input type="hidden" name="intent" value="close-session" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="button button--secondary">
                    Fermer
                    <span className="visually-hidden">
                      {" "}
                      la session {session.device} du {session.createdAt}
                    </span>
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="button button--secondary">
          Se déconnecter de tous les appareils
        </button>
      </Form>
    </section>
  );
}
