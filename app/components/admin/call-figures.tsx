import { Link } from "@remix-run/react";

import type { FiguresView } from "~/domain/call-envelopes";

import { Remainder } from "./call-table";

/** A call's envelope, from what is asked to what would remain once the pending proposals are voted. */
export function CallFigures({ figures }: { figures: FiguresView }) {
  const rows: Array<[string, string, boolean]> = [
    ["Enveloppe votée au budget", figures.envelope, false],
    ["Montants demandés (dossiers déposés)", figures.requested, false],
    ["Montants proposés à la Commission permanente", figures.proposed, false],
    ["Montants votés par la Commission permanente", figures.voted, false],
    ["Reste disponible", figures.remaining, figures.overrun],
    [
      "Reste si les propositions sont votées",
      figures.remainingIfProposalsVoted,
      figures.overrunIfProposalsVoted,
    ],
  ];
  return (
    <section aria-labelledby="enveloppe">
      <h2 id="enveloppe">Enveloppe budgétaire</h2>
      <dl className="co-financing__figures">
        {rows.map(([label, value, overrun]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <Remainder label={value} overrun={overrun} />
            </dd>
          </div>
        ))}
      </dl>
      {figures.overrun ? (
        <p>La Commission permanente a voté au-delà de l’enveloppe&#8239;: elle reste souveraine.</p>
      ) : null}
    </section>
  );
}

/** How many of the call's dossiers are at each step, and the way to them in the instruction queue. */
export function CallDossierCounts({
  callId,
  counts,
}: {
  callId: string;
  counts: Array<{ label: string; count: number }>;
}) {
  return (
    <section aria-labelledby="dossiers">
      <h2 id="dossiers">Dossiers rattachés</h2>
      {counts.length === 0 ? (
        <p>Aucun dossier n’est rattaché à cet appel.</p>
      ) : (
        <>
          <table>
            <caption className="visually-hidden">Dossiers de l’appel par étape</caption>
            <thead>
              <tr>
                <th scope="col">Étape</th>
                <th scope="col" className="number">
                  Dossiers
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="number">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <Link to={`/instruction?appel=${encodeURIComponent(callId)}`}>
              Voir les dossiers déposés sur cet appel dans la file d’instruction
            </Link>{" "}
            (les brouillons n’y figurent pas).
          </p>
        </>
      )}
    </section>
  );
}
