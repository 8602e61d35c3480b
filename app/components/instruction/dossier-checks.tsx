// The checks of the instruction: eligibility re-judged by the dossier's own rule-set version, and the
// completeness checklist the instructor ticks item by item (with JavaScript, without reloading the page).
import { useFetcher } from "@remix-run/react";

import { useHydrated } from "~/components/use-hydrated";

import type { DossierActionResult, DossierPageData } from "./dossier-action-result";

const MET = {
  true: { mark: "✔", label: "Rempli" },
  false: { mark: "✘", label: "Non rempli" },
  null: { mark: "?", label: "À vérifier" },
} as const;

const VERDICT = {
  true: "Éligible selon les réponses déposées",
  false: "Non éligible selon les réponses déposées",
  null: "Éligibilité à vérifier",
} as const;

export function DossierEligibility({
  eligibility,
  ruleSetVersion,
}: {
  eligibility: DossierPageData["eligibility"];
  ruleSetVersion: number;
}) {
  return (
    <section aria-labelledby="eligibilite" className="instruction-eligibility">
      <h2 id="eligibilite">Éligibilité</h2>
      <p>
        Critères vérifiés avec la version {ruleSetVersion} du règlement, celle en vigueur au dépôt :{" "}
        <strong>{VERDICT[String(eligibility.eligible) as keyof typeof VERDICT]}</strong>.
      </p>
      <ul className="criteria">
        {eligibility.criteria.map((criterion) => {
          const met = MET[String(criterion.met) as keyof typeof MET];
          return (
            <li key={criterion.id} className={`criterion criterion--${String(criterion.met)}`}>
              <span aria-hidden="true" className="criterion__mark">
                {met.mark}
              </span>{" "}
              <strong>
                {criterion.label} <span className="instruction-met">({met.label})</span>
              </strong>{" "}
              — {criterion.explanation}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function CompletenessItem({ item }: { item: DossierPageData["completeness"][number] }) {
  const fetcher = useFetcher<DossierActionResult>();
  const refused =
    fetcher.state === "idle" ? (fetcher.data?.conflict ?? fetcher.data?.errors.form) : undefined;
  const hydrated = useHydrated();
  // Shown ticked as soon as it is clicked; the server's answer follows.
  const pending = fetcher.formData?.get("checked");
  const checked = pending === undefined || pending === null ? item.checked : pending === "1";
  return (
    <li className={checked ? "completeness completeness--checked" : "completeness"}>
      <fetcher.Form method="post" className="completeness__form">
        <input type="hidden" name="intent" value="completeness" />
        <input type="hidden" name="key" value={item.key} />
        <input type="hidden" name="checked" value={checked ? "0" : "1"} />
        {hydrated ? <input type="hidden" name="fetcher" value="1" /> : null}
        <span className="completeness__mark" aria-hidden="true">
          {checked ? "☑" : "☐"}
        </span>
        <span className="completeness__label">
          {item.label}
          <span className="visually-hidden">{checked ? " : vérifié" : " : à vérifier"}</span>
          {checked && item.by ? (
            <span className="completeness__who">
              {" "}
              — vérifié par {item.by}
              {item.at ? `, le ${item.at}` : ""}
            </span>
          ) : null}
        </span>
        <button type="submit" className="button button--tertiary">
          {checked ? "Décocher" : "Cocher"}
          <span className="visually-hidden"> « {item.label} »</span>
        </button>
      </fetcher.Form>
      {refused ? (
        <p className="field__error" role="alert">
          {refused}
        </p>
      ) : null}
    </li>
  );
}

export function DossierCompleteness({ items }: { items: DossierPageData["completeness"] }) {
  const done = items.filter((item) => item.checked).length;
  return (
    <section aria-labelledby="completude" className="instruction-completeness">
      <h2 id="completude">Complétude du dossier</h2>
      <p>
        {done} élément{done > 1 ? "s" : ""} vérifié{done > 1 ? "s" : ""} sur {items.length}.
      </p>
      <ul className="completeness-list">
        {items.map((item) => (
          <CompletenessItem key={item.key} item={item} />
        ))}
      </ul>
    </section>
  );
}
