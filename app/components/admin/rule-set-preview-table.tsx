// What a draft would change, on typical situations: verdict and maximum amount under the version in force
// and under the draft, the rows that change marked in words (not by colour alone).
import { formatEuros } from "~/domain/format";
import type { PreviewOutcome, PreviewRow } from "~/domain/schemes/rule-set-preview";

const VERDICTS = {
  true: { label: "Éligible", className: "verdict verdict--yes" },
  false: { label: "Non éligible", className: "verdict verdict--no" },
  null: { label: "À préciser", className: "verdict verdict--unknown" },
} as const;

function Outcome({ outcome, perYear }: { outcome: PreviewOutcome; perYear: boolean }) {
  const verdict = VERDICTS[String(outcome.eligible) as keyof typeof VERDICTS];
  return (
    <>
      <span className={verdict.className}>{verdict.label}</span>
      {outcome.maxAmountEur !== null ? (
        <p>
          Au plus {formatEuros(Math.round(outcome.maxAmountEur * 100))}
          {perYear ? " par an" : ""}
        </p>
      ) : null}
      {outcome.reason ? <p className="field__hint">{outcome.reason}</p> : null}
    </>
  );
}

export function RuleSetPreviewTable({
  rows,
  inForceVersion,
  draftVersion,
  perYear,
}: {
  rows: PreviewRow[];
  inForceVersion: number | null;
  draftVersion: number;
  perYear: boolean;
}) {
  const changes = rows.filter((row) => row.verdictChanged || row.amountChanged).length;
  return (
    <>
      <p>
        {changes === 0
          ? "Sur ces situations types, le brouillon ne change ni le verdict ni le montant maximal."
          : changes === 1
            ? "Sur ces situations types, le brouillon change le résultat d’une situation."
            : `Sur ces situations types, le brouillon change le résultat de ${changes} situations.`}
      </p>
      <div className="table-scroll" role="region" aria-labelledby="apercu-caption" tabIndex={0}>
        <table className="rule-set-preview">
          <caption id="apercu-caption">
            Situations types jugées selon la version {inForceVersion ?? "en vigueur"} et selon le brouillon
            (version {draftVersion})
          </caption>
          <thead>
            <tr>
              <th scope="col">Situation</th>
              <th scope="col">Version en vigueur{inForceVersion ? ` (${inForceVersion})` : ""}</th>
              <th scope="col">Brouillon (version {draftVersion})</th>
              <th scope="col">Changement</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const changed = row.verdictChanged || row.amountChanged;
              return (
                <tr key={row.label} className={changed ? "rule-set-preview__changed" : undefined}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <Outcome outcome={row.inForce} perYear={perYear} />
                  </td>
                  <td>
                    <Outcome outcome={row.draft} perYear={perYear} />
                  </td>
                  <td>
                    {row.verdictChanged
                      ? "Le verdict change"
                      : row.amountChanged
                        ? "Le montant maximal change"
                        : "Aucun"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
