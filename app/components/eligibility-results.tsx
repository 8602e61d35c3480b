import { Link } from "@remix-run/react";

import type { EligibilityReport, SchemeResult, Verdict } from "~/domain/eligibility/evaluate";
import { formatEuros, formatWholeEuros } from "~/domain/format";

const STATUS: Record<"true" | "false" | "null", { label: string; className: string }> = {
  true: { label: "Éligible", className: "verdict verdict--yes" },
  false: { label: "Non éligible", className: "verdict verdict--no" },
  null: { label: "À compléter", className: "verdict verdict--unknown" },
};

const CRITERION: Record<"true" | "false" | "null", { mark: string; label: string }> = {
  true: { mark: "✔", label: "Rempli" },
  false: { mark: "✘", label: "Non rempli" },
  null: { mark: "?", label: "À préciser" },
};

const verdictKey = (verdict: Verdict) => String(verdict) as "true" | "false" | "null";

const SCHEME_PAGES = new Set(["cap-asso", "a-vos-id", "cap-scop-scic", "avance-fonds-propres"]);

/** Names of the other places an applicant may be pointed to. */
const ORIENTATION_NAMES: Record<string, string> = {
  "cap-asso": "CAP ASSO",
  "a-vos-id": "A VOS ID",
  "cap-scop-scic": "CAP SCOP-SCIC",
  "avance-fonds-propres": "Apport en fonds propres avec droit de reprise",
  "france-active": "France Active Centre-Val de Loire",
  "france-active-reseau": "France Active",
  "mouvement-associatif": "Le Mouvement associatif Centre-Val de Loire",
  "cap-region-pme-pmi": "CAP Région PME-PMI",
  "region-du-siege": "Les services de votre région",
};

/** « 60 000 € », or « 60 000,50 € » when there are cents. */
const amount = (eur: number) => {
  const cents = Math.round(eur * 100);
  return cents % 100 === 0 ? formatWholeEuros(cents) : formatEuros(cents);
};

/** The answer as the questionnaire writes it: « 60000 » or « 60000,5 ». */
const typedAmount = (eur: number) => String(Math.round(eur * 100) / 100).replace(".", ",");

/** A new dossier for the scheme, with the questionnaire's answers carried over (sign-in first if needed). */
export function startHref(scheme: string, answers: Record<string, string | undefined>) {
  const query = new URLSearchParams({ dispositif: scheme });
  for (const [path, value] of Object.entries(answers)) if (value) query.set(path, value);
  return `/dossiers/nouveau?${query}`;
}

function SchemeVerdict({
  result,
  answers,
}: {
  result: SchemeResult;
  answers: Record<string, string | undefined>;
}) {
  const headingId = `resultat-${result.scheme}`;
  const perYear = result.scheme === "cap-asso" ? " par an" : "";
  // Refused on the amount alone: eligible for less, and the dossier can be prepared at that amount.
  const lower =
    result.eligible === false &&
    result.maxAmountEur !== null &&
    result.amountAsked !== null &&
    result.amountAsked.eur > result.maxAmountEur
      ? { asked: result.amountAsked, max: result.maxAmountEur }
      : null;
  const status = lower
    ? { label: "Non éligible pour ce montant", className: STATUS.false.className }
    : STATUS[verdictKey(result.eligible)];
  return (
    <section className="card result" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {result.name} : <span className={status.className}>{status.label}</span>
      </h3>
      {lower ? (
        <p className="result__lower">
          <strong>
            Pas pour {amount(lower.asked.eur)}
            {perYear} : éligible jusqu’à {amount(lower.max)}
            {perYear}.
          </strong>
        </p>
      ) : null}
      <ul className="criteria">
        {result.criteria.map((criterion) => {
          const mark = CRITERION[verdictKey(criterion.met)];
          return (
            <li key={criterion.id} className={`criterion criterion--${String(criterion.met)}`}>
              <span aria-hidden="true" className="criterion__mark">
                {mark.mark}
              </span>{" "}
              <strong>
                {criterion.label} <span className="visually-hidden">({mark.label})</span>
              </strong>{" "}
              — {criterion.explanation}
            </li>
          );
        })}
      </ul>
      {result.maxAmountEur !== null && !lower ? (
        <p>
          Montant maximal : <strong>{formatEuros(Math.round(result.maxAmountEur * 100))}</strong>
          {perYear}.
        </p>
      ) : null}
      <p className="result__actions">
        <Link to={`/dispositifs/${result.scheme}`}>En savoir plus sur {result.name}</Link>
        {lower ? (
          <>
            {" "}
            ·{" "}
            <Link
              to={startHref(result.scheme, {
                ...answers,
                [lower.asked.path]: typedAmount(lower.max),
              })}
            >
              Préparer un dossier {result.name} à {amount(lower.max)}
              {perYear}
            </Link>
          </>
        ) : result.eligible !== false ? (
          <>
            {" "}
            · <Link to={startHref(result.scheme, answers)}>Préparer un dossier {result.name}</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}

/** The verdict of each scheme, criterion by criterion, and where else to turn. */
export function EligibilityResults({
  report,
  answers,
}: {
  report: EligibilityReport;
  /** What the person answered, by path, carried over to the dossier they start. */
  answers: Record<string, string | undefined>;
}) {
  return (
    <>
      {report.results.map((result) => (
        <SchemeVerdict key={result.scheme} result={result} answers={answers} />
      ))}
      {report.orientation.length > 0 ? (
        <section aria-labelledby="orientation" className="orientation">
          <h3 id="orientation">Vers qui vous tourner</h3>
          <ul>
            {report.orientation.map((item) => (
              <li key={`${item.scheme}-${item.reason}`}>
                <strong>
                  {SCHEME_PAGES.has(item.scheme) ? (
                    <Link to={`/dispositifs/${item.scheme}`}>{ORIENTATION_NAMES[item.scheme]}</Link>
                  ) : (
                    (ORIENTATION_NAMES[item.scheme] ?? item.scheme)
                  )}
                </strong>{" "}
                : {item.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
