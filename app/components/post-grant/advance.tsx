// An equity advance after its payment, as the association, the instructor and the funders read it: where it
// stands, the schedule in force instalment by instalment (a card per row on a phone), the repayments
// received, the replaced schedules and the rescheduling requests.
import type { AdvanceView } from "~/services/post-grant/advance-views.server";

type Summary = AdvanceView["summary"];

/** Paid, repaid, outstanding, late (and since how long), next instalment. */
export function AdvanceSummary({ summary }: { summary: Summary }) {
  return (
    <dl className="key-values">
      <div>
        <dt>Avance versée</dt>
        <dd>
          {summary.paid} le {summary.paidOn}
        </dd>
      </div>
      <div>
        <dt>Déjà remboursé</dt>
        <dd>{summary.repaid}</dd>
      </div>
      <div>
        <dt>Reste à rembourser</dt>
        <dd>{summary.repaidInFull ? "Rien : avance intégralement remboursée" : summary.outstanding}</dd>
      </div>
      <div>
        <dt>En retard</dt>
        <dd>
          {summary.late
            ? `${summary.late}, depuis ${summary.daysLate}\u00a0jour${summary.daysLate > 1 ? "s" : ""}`
            : "Rien"}
        </dd>
      </div>
      {summary.next ? (
        <div>
          <dt>Prochaine échéance</dt>
          <dd>
            {summary.next.amount} le {summary.next.on}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** A reason typed by someone, ended by one full stop whether or not they typed it. */
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The level of the page's section headings: 2 under the staff page's h1, 3 under the dossier's tab. */
type Level = 2 | 3;

export function AdvanceDetails({ view, level }: { view: Omit<AdvanceView, "summary">; level: Level }) {
  const H = `h${level}` as const;
  return (
    <>
      <H>Échéancier en vigueur (n°&nbsp;{view.version})</H>
      <p>{view.origin}.</p>
      <table className="table-stack">
        <caption>Échéances de remboursement</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Échéance</th>
            <th scope="col" className="number">
              Montant
            </th>
            <th scope="col" className="number">
              Remboursé
            </th>
            <th scope="col" className="number">
              Reste dû
            </th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {view.instalments.map((instalment) => (
            <tr key={instalment.position}>
              <th scope="row" data-label="N°">
                {instalment.position}
              </th>
              <td data-label="Échéance">{instalment.dueOn}</td>
              <td data-label="Montant" className="number">
                {instalment.amount}
              </td>
              <td data-label="Remboursé" className="number">
                {instalment.paid}
              </td>
              <td data-label="Reste dû" className="number">
                {instalment.remaining}
              </td>
              <td data-label="État">
                {instalment.state}
                {instalment.late ? <span className="table-stack__note">{instalment.late}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <H>Remboursements reçus</H>
      {view.repayments.length === 0 ? (
        <p>Aucun remboursement reçu pour l’instant.</p>
      ) : (
        <ul>
          {view.repayments.map((repayment) => (
            <li key={repayment.id}>
              {repayment.amount} reçu le {repayment.on} (référence {repayment.reference})
              {repayment.early ? " — remboursement anticipé" : ""}
            </li>
          ))}
        </ul>
      )}

      {view.history.length > 0 ? (
        <>
          <H>Échéanciers précédents</H>
          <ul>
            {view.history.map((schedule) => (
              <li key={schedule.version}>
                Échéancier n°&nbsp;{schedule.version} ({schedule.origin.toLowerCase()}), en vigueur du{" "}
                {schedule.from} au {schedule.to}&nbsp;: {schedule.count} échéance(s), {schedule.total}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.reschedulings.length > 0 ? (
        <>
          <H>Demandes de rééchelonnement</H>
          <ul>
            {view.reschedulings.map((item) => (
              <li key={item.id}>
                Demandée le {item.askedOn}&nbsp;: {item.terms}. Motif&nbsp;: {sentence(item.reason)}{" "}
                <strong>{item.statusLabel}</strong>
                {item.note ? ` — ${item.note}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function AdvanceDocuments({
  documents,
  level,
}: {
  documents: ReadonlyArray<{ href: string; label: string }>;
  level: Level;
}) {
  if (documents.length === 0) return null;
  const H = `h${level}` as const;
  return (
    <>
      <H>Documents</H>
      <ul>
        {documents.map((document) => (
          <li key={document.href}>
            <a href={document.href} download>
              {document.label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
