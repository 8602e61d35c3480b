// The instructor's opinion for the Commission permanente: favourable or not, the motivation and the
// amount (three yearly amounts for CAP ASSO). For an equity advance, the repayment schedule the amount
// typed would have is shown: computed by the server on « Calculer l’échéancier », and live with JavaScript.
import { Form } from "@remix-run/react";
import { useState } from "react";

import { ErrorSummary } from "~/components/error-summary";
import { FieldError, InputField, TextAreaField } from "~/components/form-field";
import { TRANSITIONS } from "~/domain/dossier-workflow";
import { formatEuros, parseEuros } from "~/domain/format";
import { repaymentPreview } from "~/domain/schedules";

import { formState, type DossierActionResult, type DossierPageData } from "./dossier-action-result";

function totalOf(amount: string) {
  const parsed = parseEuros(amount);
  return parsed.ok ? formatEuros(parsed.cents) : amount;
}

const LABELS: Record<string, string> = {
  favourable: "Avis",
  motivation: "Motivation",
  proposedAmount: "Montant proposé",
};

export function DossierOpinionForm({
  form: options,
  revision,
  result,
}: {
  form: DossierPageData["opinionForm"];
  revision: number;
  result?: DossierActionResult;
}) {
  const form = formState(result, "PROPOSE", "schedule");
  const [amount, setAmount] = useState(form.value("proposedAmount") ?? options.amountDefault);
  const [live, setLive] = useState(false);
  const favourable = form.value("favourable") ?? "oui";
  const rules = options.repaymentRules;
  const preview = rules ? (live ? repaymentPreview(amount, rules) : (result?.preview ?? [])) : [];
  const years = Array.from({ length: options.yearCount }, (_, index) => index + 1);
  return (
    <Form method="post" className="instruction-form" noValidate aria-labelledby="avis-titre">
      <h3 id="avis-titre">{TRANSITIONS.PROPOSE.label}</h3>
      <ErrorSummary
        errors={form.errors}
        labels={{
          ...LABELS,
          ...Object.fromEntries(years.map((year) => [`amountYear${year}`, `Année ${year}`])),
        }}
      />
      <p>{TRANSITIONS.PROPOSE.effects}</p>
      <input type="hidden" name="revision" value={revision} />
      <fieldset
        id="favourable"
        tabIndex={-1}
        className={form.errors.favourable ? "field field--error" : "field"}
        aria-describedby={form.errors.favourable ? "favourable-error" : undefined}
      >
        <legend className="field__label">Avis de l’instruction</legend>
        <FieldError id="favourable-error">{form.errors.favourable}</FieldError>
        <div className="choices choices--inline">
          {[
            ["oui", "Favorable"],
            ["non", "Défavorable"],
          ].map(([value, label]) => (
            <div className="choice" key={value}>
              <input
                type="radio"
                id={`avis-${value}`}
                name="favourable"
                value={value}
                defaultChecked={favourable === value}
              />
              <label htmlFor={`avis-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        name="motivation"
        label="Motivation"
        hint="Au moins 20 caractères. Elle figure dans le rapport d’instruction."
        required
        rows={5}
        defaultValue={form.value("motivation")}
        error={form.errors.motivation}
      />
      {years.length > 0 ? (
        // The service judges the total of the years: its error is shown on the group, under this id.
        <fieldset
          id="proposedAmount"
          tabIndex={-1}
          className={form.errors.proposedAmount ? "field field--error" : "field"}
        >
          <legend className="field__label">Montants proposés par année de convention (avis favorable)</legend>
          <FieldError>{form.errors.proposedAmount}</FieldError>
          {years.map((year) => (
            <InputField
              key={year}
              name={`amountYear${year}`}
              label={`Année ${year} (en euros)`}
              inputMode="decimal"
              className="field__input field__input--short"
              defaultValue={form.value(`amountYear${year}`) ?? options.yearlyDefaults[year - 1] ?? ""}
              error={form.errors[`amountYear${year}`]}
            />
          ))}
        </fieldset>
      ) : (
        <InputField
          name="proposedAmount"
          label="Montant proposé (en euros, avis favorable)"
          hint="Par exemple 12 000,00. Un avis défavorable n’a pas de montant."
          inputMode="decimal"
          className="field__input field__input--short"
          value={amount}
          onChange={(event) => {
            setAmount(event.currentTarget.value);
            setLive(true);
          }}
          error={form.errors.proposedAmount}
        />
      )}
      {rules ? (
        <div className="instruction-preview" aria-live="polite">
          <button type="submit" name="intent" value="schedule" className="button button--secondary">
            Calculer l’échéancier
          </button>
          {preview.length > 0 ? (
            <table>
              <caption>
                Échéancier de remboursement d’une avance de {totalOf(amount)}, versée à la signature
              </caption>
              <thead>
                <tr>
                  <th scope="col">Échéance</th>
                  <th scope="col" className="number">
                    Montant remboursé
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.map((row) => (
                  <tr key={row.months}>
                    <th scope="row">{row.months} mois après le versement</th>
                    <td className="number">{row.amount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <button type="submit" name="intent" value="PROPOSE" className="button">
        Enregistrer l’avis et proposer
      </button>
    </Form>
  );
}
