// The pieces of the payment pages, for the association and the instructor alike: the facts of the payment,
// the declaration (its form, or its table with the subsidy recomputed), the proofs and the history.
import { InputField } from "~/components/form-field";
import { associateField, EXPENSES_FIELD, type DeclarationKind } from "~/domain/post-grant/payment-request";
import type { ApplicantPaymentPage, StaffPaymentPage } from "~/services/post-grant/payment-pages.server";

type Page = Pick<ApplicantPaymentPage, "payment" | "due" | "dossier" | "ruleSetVersion">;

/** What is due and where the payment stands. */
export function PaymentFacts({ page, audience }: { page: Page; audience: "applicant" | "staff" }) {
  const { payment, due } = page;
  const rows: Array<[string, string | null]> = [
    ["Statut", payment.statusLabel],
    ["Quand le demander", `${payment.condition.charAt(0).toUpperCase()}${payment.condition.slice(1)}`],
    ["Montant prévu", payment.planned],
    [audience === "staff" ? "Montant dû recalculé" : "Montant dû", due.amount],
    [
      "Calcul",
      `${due.basis} Règles appliquées\u00a0: version ${page.ruleSetVersion} du dispositif, celle de l’attribution.`,
    ],
    ["À reverser", due.toRepay],
    ["Montant demandé", payment.requested],
    [
      "Demandé le",
      payment.requestedAt
        ? `${payment.requestedAt}${payment.requestedBy ? ` par ${payment.requestedBy}` : ""}`
        : null,
    ],
    ["Montant approuvé", payment.approved],
    ["Approuvé le", payment.approvedAt],
    ["Montant versé", payment.paid],
    ["Versé le", payment.paidOn],
    ["Référence du mandat", payment.mandateReference],
  ];
  return (
    <dl className="details">
      {rows
        .filter((row): row is [string, string] => Boolean(row[1]))
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The proofs sent with the request, each downloadable. */
export function PaymentFiles({
  files,
  href,
}: {
  files: ApplicantPaymentPage["files"];
  href: (id: string) => string;
}) {
  return (
    <section aria-labelledby="titre-justificatifs">
      <h3 id="titre-justificatifs">Justificatifs envoyés</h3>
      <ul className="document-list">
        {files.map((file) => (
          <li key={file.id}>
            {file.label}
            {"\u00a0"}:{" "}
            <a href={href(file.id)} download>
              {file.fileName}
            </a>{" "}
            ({file.size}, envoyé le {file.at})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The acts on the payment, as the dossier's timeline keeps them. */
export function PaymentHistory({ history }: { history: ApplicantPaymentPage["history"] }) {
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="titre-historique-versement">
      <h3 id="titre-historique-versement">Historique du versement</h3>
      <ol className="timeline">
        {history.map((event) => (
          <li key={event.id} className="timeline__event">
            <span className="timeline__date">{event.at}</span> —{" "}
            <span className="timeline__label">{event.text}</span> ({event.by})
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The declaration as sent, with the subsidy each employee-associate's capital brings. */
export function PaymentDeclaration({ declaration }: { declaration: StaffPaymentPage["declaration"] }) {
  if (!declaration) return null;
  if (declaration.kind === "EXPENSES") {
    return (
      <section aria-labelledby="titre-declaration">
        <h2 id="titre-declaration">Déclaration</h2>
        <p>
          Dépenses éligibles effectivement payées{"\u00a0"}: {declaration.actualEligible}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="titre-declaration">
      <h2 id="titre-declaration">Déclaration{"\u00a0"}: apports des salariés associés</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Salarié associé</th>
              <th scope="col">Capital souscrit</th>
              <th scope="col">Capital libéré</th>
              <th scope="col">Subvention</th>
            </tr>
          </thead>
          <tbody>
            {declaration.associates.map((associate, index) => (
              <tr key={`${associate.name}-${index}`}>
                <th scope="row">{associate.name}</th>
                <td>{associate.subscribed}</td>
                <td>{associate.paidUp}</td>
                <td>{associate.subsidy ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type RequestForm = NonNullable<ApplicantPaymentPage["form"]>;

/** The declaration's fields of the request form, filled with what was sent or what the dossier declared. */
export function PaymentDeclarationFields({
  kind,
  form,
  values,
  errors,
}: {
  kind: DeclarationKind;
  form: RequestForm;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  if (kind === "NONE") return null;
  if (kind === "EXPENSES") {
    return (
      <InputField
        name={EXPENSES_FIELD}
        label="Total des dépenses éligibles effectivement payées"
        hint="En euros, tel qu’il figure sur l’état récapitulatif des dépenses certifié. La subvention finale en est recalculée."
        inputMode="decimal"
        required
        className="field__input field__input--short"
        defaultValue={values[EXPENSES_FIELD] ?? form.actualEligible}
        error={errors[EXPENSES_FIELD]}
      />
    );
  }
  // After a refusal, as many lines as were posted; else the dossier's employee-associates and spare lines.
  const posted = Object.keys(values).filter((name) => /^associate\.\d+\.name$/.test(name)).length;
  const count = posted > 0 ? posted : form.associates.length + form.spareLines;
  return (
    <fieldset>
      <legend>Apports des salariés associés</legend>
      <p className="field__hint">
        Pour chaque salarié associé, le capital souscrit et le capital effectivement libéré (versé), tels que
        l’attestation de la coopérative les certifie. La subvention est recalculée sur le capital libéré.
        Laissez vides les lignes inutiles.
      </p>
      {Array.from({ length: count }, (_, index) => {
        const filed = form.associates[index];
        const value = (field: "name" | "subscribed" | "paidUp") =>
          values[associateField(index, field)] ?? (posted > 0 ? "" : (filed?.[field] ?? ""));
        return (
          <fieldset key={index} className="rows__row">
            <legend>Salarié associé {index + 1}</legend>
            <InputField
              name={associateField(index, "name")}
              label="Prénom et nom"
              defaultValue={value("name")}
              error={errors[associateField(index, "name")]}
            />
            <InputField
              name={associateField(index, "subscribed")}
              label="Capital souscrit"
              hint="En euros."
              inputMode="decimal"
              className="field__input field__input--short"
              defaultValue={value("subscribed")}
              error={errors[associateField(index, "subscribed")]}
            />
            <InputField
              name={associateField(index, "paidUp")}
              label="Capital libéré"
              hint="En euros."
              inputMode="decimal"
              className="field__input field__input--short"
              defaultValue={value("paidUp")}
              error={errors[associateField(index, "paidUp")]}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
