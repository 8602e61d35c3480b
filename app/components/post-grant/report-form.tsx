// The association's financial report form (Cerfa 15059 layout): the qualitative account, one fieldset per
// budget line (forecast shown, actual typed, the explanation asked when the gap passes the threshold), the
// indicators and the pieces. A plain multipart form: saved as a draft or sent, with or without JavaScript.
import { Form } from "@remix-run/react";

import { InputField, TextAreaField } from "~/components/form-field";

export interface ReportFormLine {
  id: string;
  side: "EXPENSE" | "RESOURCE";
  label: string;
  forecast: string;
  actualName: string;
  explanationName: string;
  /** The gap as it stands with the values typed, « +1 200,00 € (+12,5 %) », or null before any value. */
  gap: string | null;
  beyondThreshold: boolean;
}

export interface ReportFormProps {
  values: Record<string, string>;
  errors: Record<string, string>;
  threshold: number;
  textFields: ReadonlyArray<{ name: string; label: string }>;
  lines: readonly ReportFormLine[];
  indicators: ReadonlyArray<{ name: string; label: string; decimals: boolean }>;
  eligibleExpenses: { name: string } | null;
  inKindName: string;
  pieces: ReadonlyArray<{ kind: string; label: string; file: string | null }>;
  accepted: string;
  maxSize: string;
}

const HINTS: Record<string, string> = {
  actions: "Ce qui a été fait pendant la période, au regard des objectifs de la convention.",
  publicReached: "Nombre et type de personnes touchées.",
  datesAndPlaces: "Quand et où les actions ont eu lieu.",
};

function LineFieldset({ line, props }: { line: ReportFormLine; props: ReportFormProps }) {
  const { values, errors, threshold } = props;
  return (
    <fieldset className="report-line">
      <legend>{line.label}</legend>
      <p>Prévu au budget du dossier&nbsp;: {line.forecast}</p>
      <InputField
        name={line.actualName}
        label="Réalisé (en euros)"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={values[line.actualName] ?? ""}
        error={errors[line.actualName]}
        required
      />
      {line.gap ? (
        <p className="report-line__gap">
          Écart avec le prévu&nbsp;: {line.gap}
          {line.beyondThreshold ? <strong> — au-delà de {threshold}&nbsp;%, à expliquer</strong> : null}
        </p>
      ) : null}
      <TextAreaField
        name={line.explanationName}
        label="Explication de l’écart"
        hint={`Obligatoire si l’écart dépasse ${threshold}\u00a0% du prévu.`}
        rows={2}
        maxLength={4000}
        defaultValue={values[line.explanationName] ?? ""}
        error={errors[line.explanationName]}
      />
    </fieldset>
  );
}

export function ReportForm(props: ReportFormProps) {
  const { values, errors, lines, pieces } = props;
  const side = (which: ReportFormLine["side"]) => lines.filter((line) => line.side === which);
  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      <h2>1. Compte rendu qualitatif</h2>
      {props.textFields.map((field) => (
        <TextAreaField
          key={field.name}
          name={field.name}
          label={field.label}
          hint={HINTS[field.name]}
          rows={4}
          maxLength={4000}
          defaultValue={values[field.name] ?? ""}
          error={errors[field.name]}
          required
        />
      ))}

      <h2>2. Tableau budgétaire</h2>
      <p>
        Pour chaque ligne du budget de votre dossier, indiquez le montant réalisé. Un écart de plus de{" "}
        {props.threshold}&nbsp;% avec le prévu doit être expliqué.
      </p>
      <h3>Charges</h3>
      {side("EXPENSE").map((line) => (
        <LineFieldset key={line.id} line={line} props={props} />
      ))}
      <h3>Produits</h3>
      {side("RESOURCE").map((line) => (
        <LineFieldset key={line.id} line={line} props={props} />
      ))}
      <TextAreaField
        name={props.inKindName}
        label="Contributions volontaires en nature (facultatif)"
        hint="Bénévolat, mise à disposition de locaux ou de matériel, avec leur valeur estimée."
        rows={3}
        maxLength={4000}
        defaultValue={values[props.inKindName] ?? ""}
        error={errors[props.inKindName]}
      />
      {props.eligibleExpenses ? (
        <InputField
          name={props.eligibleExpenses.name}
          label="Dépenses éligibles effectivement payées (en euros)"
          hint="Le total de l’état récapitulatif des dépenses acquittées\u202f: la subvention finale en est calculée."
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values[props.eligibleExpenses.name] ?? ""}
          error={errors[props.eligibleExpenses.name]}
          required
        />
      ) : null}

      {props.indicators.length > 0 ? (
        <>
          <h2>3. Indicateurs atteints</h2>
          {props.indicators.map((indicator) => (
            <InputField
              key={indicator.name}
              name={indicator.name}
              label={indicator.label}
              hint={indicator.decimals ? "Par exemple 1,5." : undefined}
              inputMode={indicator.decimals ? "decimal" : "numeric"}
              autoComplete="off"
              defaultValue={values[indicator.name] ?? ""}
              error={errors[indicator.name]}
              required
            />
          ))}
        </>
      ) : null}

      <h2>{props.indicators.length > 0 ? "4." : "3."} Pièces à joindre</h2>
      <p>
        Formats acceptés&nbsp;: {props.accepted}. Taille maximale&nbsp;: {props.maxSize} par fichier. Un
        nouveau fichier remplace le précédent.
      </p>
      {pieces.map((piece) => (
        <InputField
          key={piece.kind}
          name={`piece_${piece.kind}`}
          label={piece.label}
          hint={piece.file ? `Déjà joint\u00a0: ${piece.file}` : "Pas encore joint."}
          type="file"
          error={errors[`piece_${piece.kind}`]}
          required={!piece.file}
        />
      ))}

      <p className="form-actions">
        <button type="submit" name="intent" value="save" className="button button--secondary">
          Enregistrer le brouillon
        </button>
        <button type="submit" name="intent" value="SUBMIT" className="button">
          Envoyer le compte rendu
        </button>
      </p>
      <p>
        Une fois envoyé, le compte rendu ne peut plus être modifié, sauf si le service instructeur demande une
        correction.
      </p>
    </Form>
  );
}
