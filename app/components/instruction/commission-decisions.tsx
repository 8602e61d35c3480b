// The whole session's decisions in one form: a fieldset per dossier on the agenda, prefilled from the
// instructor's opinion, sent once. Without JavaScript the page comes back with what was typed and the errors.
import { Form } from "@remix-run/react";

import { FieldError, FieldHint } from "~/components/form-field";
import { DECISION_OUTCOME_LABELS, DECISION_OUTCOMES, decisionFieldName } from "~/domain/commission";

export interface DecisionDefaults {
  outcome: "GRANTED" | "REFUSED" | "";
  amount: string;
  years: string[];
  motivation: string;
}

export interface DecisionDossierView {
  id: string;
  number: string;
  organisationName: string;
  title: string;
  schemeName: string;
  proposed: string;
  opinion: string;
  defaults: DecisionDefaults;
}

function describedBy(...ids: Array<string | null | false | undefined>) {
  return ids.filter(Boolean).join(" ") || undefined;
}

function DecisionFieldset({
  dossier,
  errors,
  values,
}: {
  dossier: DecisionDossierView;
  errors: Record<string, string>;
  values: Record<string, string> | null;
}) {
  const name = (field: Parameters<typeof decisionFieldName>[1]) => decisionFieldName(dossier.id, field);
  const id = (field: string) => `decision-${dossier.id}-${field}`;
  const value = (field: Parameters<typeof decisionFieldName>[1], fallback: string) =>
    values ? (values[name(field)] ?? "") : fallback;
  const outcome = value("outcome", dossier.defaults.outcome);
  const outcomeError = errors[name("outcome")];
  const amountError = errors[name("amount")];
  const yearlyError = errors[name("yearlyAmounts")];
  const motivationError = errors[name("motivation")];
  return (
    <fieldset className="commission-decision">
      <legend>
        {dossier.number} — {dossier.organisationName}
      </legend>
      <p className="commission-decision__summary">
        {dossier.title} · {dossier.schemeName} · proposé : {dossier.proposed} · avis : {dossier.opinion}
      </p>

      <fieldset
        className={outcomeError ? "field field--error" : "field"}
        aria-describedby={outcomeError ? id("outcome-error") : undefined}
      >
        <legend className="field__label">Décision</legend>
        <FieldError id={id("outcome-error")}>{outcomeError}</FieldError>
        <div className="choices choices--inline">
          {DECISION_OUTCOMES.map((choice) => (
            <div className="choice" key={choice}>
              <input
                type="radio"
                id={id(choice)}
                name={name("outcome")}
                value={choice}
                defaultChecked={outcome === choice}
              />
              <label htmlFor={id(choice)}>{DECISION_OUTCOME_LABELS[choice]}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <div className={amountError ? "field field--error" : "field"}>
        <label htmlFor={id("amount")} className="field__label">
          Montant voté, en euros
        </label>
        <FieldHint id={id("amount-hint")}>Pour un accord ; par exemple 12 000,00.</FieldHint>
        <FieldError id={id("amount-error")}>{amountError}</FieldError>
        <input
          id={id("amount")}
          name={name("amount")}
          inputMode="decimal"
          autoComplete="off"
          className="field__input field__input--short"
          defaultValue={value("amount", dossier.defaults.amount)}
          aria-invalid={amountError ? true : undefined}
          aria-describedby={describedBy(id("amount-hint"), amountError && id("amount-error"))}
        />
      </div>

      {dossier.defaults.years.length > 0 ? (
        <fieldset
          className={yearlyError ? "field field--error" : "field"}
          aria-describedby={describedBy(id("years-hint"), yearlyError && id("years-error"))}
        >
          <legend className="field__label">Montants annuels de la convention, en euros</legend>
          <FieldHint id={id("years-hint")}>Leur somme doit être égale au montant voté.</FieldHint>
          <FieldError id={id("years-error")}>{yearlyError}</FieldError>
          <div className="commission-years">
            {dossier.defaults.years.map((fallback, index) => {
              const field = `year${index + 1}` as const;
              const yearError = errors[name(field)];
              return (
                <div key={field} className={yearError ? "field field--error" : "field"}>
                  <label htmlFor={id(field)} className="field__label">
                    Année {index + 1}
                  </label>
                  <FieldError id={id(`${field}-error`)}>{yearError}</FieldError>
                  <input
                    id={id(field)}
                    name={name(field)}
                    inputMode="decimal"
                    autoComplete="off"
                    className="field__input field__input--short"
                    defaultValue={value(field, fallback)}
                    aria-invalid={yearError || yearlyError ? true : undefined}
                    aria-describedby={yearError ? id(`${field}-error`) : undefined}
                  />
                </div>
              );
            })}
          </div>
        </fieldset>
      ) : null}

      <div className={motivationError ? "field field--error" : "field"}>
        <label htmlFor={id("motivation")} className="field__label">
          Motivation
        </label>
        <FieldHint id={id("motivation-hint")}>
          Obligatoire pour un refus : elle figure dans la lettre de décision envoyée au porteur de projet.
        </FieldHint>
        <FieldError id={id("motivation-error")}>{motivationError}</FieldError>
        <textarea
          id={id("motivation")}
          name={name("motivation")}
          rows={3}
          maxLength={4000}
          className="field__input"
          defaultValue={value("motivation", dossier.defaults.motivation)}
          aria-invalid={motivationError ? true : undefined}
          aria-describedby={describedBy(id("motivation-hint"), motivationError && id("motivation-error"))}
        />
      </div>
    </fieldset>
  );
}

export function CommissionDecisions({
  dossiers,
  errors,
  values,
  submitting,
}: {
  dossiers: DecisionDossierView[];
  errors: Record<string, string>;
  /** What was posted, when the form comes back with errors. */
  values: Record<string, string> | null;
  submitting: boolean;
}) {
  return (
    <Form method="post" className="commission-decisions" noValidate>
      <input type="hidden" name="intent" value="decide" />
      <p>
        Enregistrez le vote de la séance pour chaque dossier. Une fois enregistrées, les décisions sont
        notifiées aux porteurs de projet avec leur lettre de décision, leur convention et leur échéancier : la
        séance ne peut plus être modifiée.
      </p>
      {dossiers.map((dossier) => (
        <DecisionFieldset key={dossier.id} dossier={dossier} errors={errors} values={values} />
      ))}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Enregistrement en cours…" : "Enregistrer les décisions de la séance"}
        </button>
      </div>
    </Form>
  );
}
