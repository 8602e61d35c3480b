// The money of a granted dossier as one timeline: the amount granted, the agreement's acceptance, each
// payment and report with its status, dates and link, amounts to repay, totals and the next step. Tables at
// desktop width; each row stacks into a card on a phone (no sideways scroll at 390 px).
import { Link } from "@remix-run/react";

import { AdvanceSummary } from "~/components/post-grant/advance";
import type { NextStep } from "~/services/post-grant/money-next-step.server";
import type { MoneyTimeline as Timeline } from "~/services/post-grant/money.server";

export function NextStepText({ next }: { next: NextStep }) {
  return (
    <>
      <p>
        <strong>{next.text}</strong>
        {next.by ? ` (${next.by})` : null}
      </p>
      {next.link ? (
        <p>
          <Link to={next.link.href} className="button">
            {next.link.label}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export function MoneyTimeline({
  timeline,
  title,
  headingId,
  showNext = true,
}: {
  timeline: Timeline;
  title: string;
  headingId: string;
  /** False where the page shows the next step itself (the association's « Prochaine étape »). */
  showNext?: boolean;
}) {
  const staff = timeline.audience === "staff";
  const ask = (name: string) => <span className="visually-hidden">&nbsp;: {name}</span>;
  return (
    <section aria-labelledby={headingId} className="money-timeline">
      <h2 id={headingId}>{title}</h2>
      {showNext ? (
        <div className="money-timeline__next">
          <h3>Prochaine étape</h3>
          <NextStepText next={timeline.next} />
        </div>
      ) : null}
      <dl className="details">
        <div>
          <dt>Aide accordée</dt>
          <dd>
            {timeline.granted.amount ?? "—"}
            {timeline.granted.on ? ` le ${timeline.granted.on}` : ""}
          </dd>
        </div>
        <div>
          <dt>Convention</dt>
          <dd>
            {timeline.agreement.accepted
              ? `Acceptée par les deux parties le ${timeline.agreement.acceptedOn ?? ""}`
              : timeline.agreement.sides
                  .map(
                    (side, index) =>
                      `${index === 0 ? side.party : side.party.replace(/^./, (first) => first.toLowerCase())}\u00a0: ` +
                      (side.acceptedOn ? `acceptée le ${side.acceptedOn}` : "pas encore acceptée"),
                  )
                  .join("\u00a0; ")}{" "}
            —{" "}
            <Link to={timeline.agreement.href}>
              {staff ? "Convention et acceptations" : "Voir la convention"}
            </Link>
          </dd>
        </div>
        <div>
          <dt>Déjà versé</dt>
          <dd>{timeline.totals.paid}</dd>
        </div>
        <div>
          <dt>Reste à verser (prévu)</dt>
          <dd>{timeline.totals.expected}</dd>
        </div>
        {timeline.totals.toRepay ? (
          <div>
            <dt>À reverser à la Région</dt>
            <dd>{timeline.totals.toRepay}</dd>
          </div>
        ) : null}
        {timeline.settled ? (
          <div>
            <dt>Dossier soldé</dt>
            <dd>{timeline.settledOn ? `le ${timeline.settledOn}` : "oui"}</dd>
          </div>
        ) : null}
      </dl>

      {timeline.payments.length > 0 ? (
        <table className="table-stack">
          <caption>Versements</caption>
          <thead>
            <tr>
              <th scope="col">Versement</th>
              <th scope="col">Statut</th>
              <th scope="col" className="number">
                Prévu
              </th>
              <th scope="col" className="number">
                Demandé
              </th>
              <th scope="col" className="number">
                Approuvé
              </th>
              <th scope="col" className="number">
                Versé
              </th>
              <th scope="col">Suivi</th>
            </tr>
          </thead>
          <tbody>
            {timeline.payments.map((payment) => (
              <tr key={payment.position}>
                <th scope="row" data-label="Versement">
                  {payment.name}
                </th>
                <td data-label="Statut">
                  {payment.statusLabel}
                  {payment.dates.length > 0 ? (
                    <span className="table-stack__note">{payment.dates.join(", ")}</span>
                  ) : null}
                </td>
                <td data-label="Prévu" className="number">
                  {payment.planned}
                </td>
                <td data-label="Demandé" className="number">
                  {payment.requested ?? "—"}
                </td>
                <td data-label="Approuvé" className="number">
                  {payment.approved ?? "—"}
                </td>
                <td data-label="Versé" className="number">
                  {payment.paid ?? "—"}
                </td>
                <td data-label="Suivi">
                  {payment.requestable ? (
                    <span className="table-stack__note">Peut être demandé maintenant.</span>
                  ) : payment.notYet ? (
                    <span className="table-stack__note">{payment.notYet}</span>
                  ) : null}
                  <Link to={payment.href}>
                    {!staff && payment.requestable ? "Demander" : "Détail"}
                    {ask(payment.name)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          Le calendrier des versements sera établi dès l’acceptation de la convention par les deux parties.
        </p>
      )}

      {timeline.reports.length > 0 ? (
        <table className="table-stack">
          <caption>Comptes rendus financiers</caption>
          <thead>
            <tr>
              <th scope="col">Compte rendu</th>
              <th scope="col">Période</th>
              <th scope="col">À remettre au plus tard le</th>
              <th scope="col">Statut</th>
              <th scope="col">Suivi</th>
            </tr>
          </thead>
          <tbody>
            {timeline.reports.map((report) => (
              <tr key={report.period}>
                <th scope="row" data-label="Compte rendu">
                  {report.label}
                </th>
                <td data-label="Période">{report.span}</td>
                <td data-label="À remettre le">{report.dueOn}</td>
                <td data-label="Statut">
                  {report.statusLabel}
                  {report.late ? <strong className="table-stack__late">, {report.late}</strong> : null}
                </td>
                <td data-label="Suivi">
                  <Link to={report.href}>Détail{ask(`compte rendu, ${report.label.toLowerCase()}`)}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {timeline.advance ? (
        <>
          <h3>Remboursement de l’avance</h3>
          <AdvanceSummary summary={timeline.advance} />
          <p>
            <Link to={timeline.advance.href}>Voir les remboursements de l’avance</Link>
          </p>
        </>
      ) : null}
      {timeline.recoveries.length > 0 ? (
        <table className="table-stack">
          <caption>Reversements demandés</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                Montant
              </th>
              <th scope="col">Motif</th>
              <th scope="col">À reverser avant le</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {timeline.recoveries.map((recovery) => (
              <tr key={recovery.id}>
                <td data-label="Montant" className="number">
                  {recovery.amount}
                </td>
                <td data-label="Motif">{recovery.reason}</td>
                <td data-label="À reverser avant le">{recovery.dueOn}</td>
                <td data-label="Statut">
                  {recovery.statusLabel}
                  {recovery.settledOn ? ` le ${recovery.settledOn}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {staff && timeline.links.recoveries && timeline.links.settlement ? (
        <ul className="money-timeline__links">
          <li>
            <Link to={timeline.links.recoveries}>Reversements</Link>
          </li>
          <li>
            <Link to={timeline.links.settlement}>Solde du dossier</Link>
          </li>
        </ul>
      ) : null}
    </section>
  );
}
