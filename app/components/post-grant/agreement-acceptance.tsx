// The convention page's body, for the association and for Region staff alike: the agreement to read (PDF,
// SHA-256, key articles), where each side's acceptance stands, and the two ways to accept one's side —
// online with the declaration ticked, or by sending the scan of the copy signed on paper.
import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { FieldError, InputField } from "~/components/form-field";
import type { AgreementPage } from "~/services/post-grant/agreement-view.server";

export interface AgreementActionResult {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** The paper form's fields have names of their own: both forms are on the page, with distinct ids. */
export const PAPER_FIELDS = {
  signatoryName: "paperName",
  signatoryRole: "paperRole",
  declaration: "paperDeclaration",
  scan: "scan",
} as const;

export function AgreementSummary({ page }: { page: AgreementPage }) {
  return (
    <section aria-labelledby="convention-texte">
      <h2 id="convention-texte">La convention</h2>
      {page.agreement ? (
        <>
          <p>
            <a href={page.agreement.href} download>
              Télécharger la convention (PDF)
            </a>{" "}
            — établie le {page.agreement.issuedOn}.
          </p>
          <p className="agreement__hash">
            Empreinte SHA-256 du fichier&nbsp;: <code>{page.agreement.sha256}</code>
          </p>
        </>
      ) : (
        <p>La convention de ce dossier n’a pas encore été établie.</p>
      )}
      {page.keyTerms ? (
        <>
          <h3>Ses principaux articles</h3>
          <dl className="details">
            {page.keyTerms.amount ? (
              <div>
                <dt>Montant attribué (article 2)</dt>
                <dd>
                  {page.keyTerms.amount}
                  {page.keyTerms.yearly.length > 0
                    ? ` (${page.keyTerms.yearly.map((year) => `${year.label.toLowerCase()}\u00a0: ${year.amount}`).join(", ")})`
                    : null}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>Prise d’effet (article 3)</dt>
              <dd>{page.keyTerms.effect}</dd>
            </div>
            <div>
              <dt>Versements (article 4)</dt>
              <dd>
                {page.keyTerms.payment.map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </dd>
            </div>
          </dl>
        </>
      ) : null}
    </section>
  );
}

export function AcceptanceStatus({ page }: { page: AgreementPage }) {
  return (
    <section aria-labelledby="acceptations">
      <h2 id="acceptations">Acceptation par les deux parties</h2>
      {page.complete ? (
        <p className="notice notice--success">
          La convention est acceptée par les deux parties&nbsp;: elle a pris effet le{" "}
          {page.complete.effectiveAt}.
        </p>
      ) : null}
      <ul className="acceptance-list">
        {page.acceptances.map((acceptance) => (
          <li key={acceptance.side}>
            <strong>{acceptance.party}&nbsp;:</strong>{" "}
            {acceptance.accepted ? (
              <>
                {acceptance.accepted.method} par {acceptance.accepted.signatory} le {acceptance.accepted.at}
                {acceptance.accepted.recordedBy !== acceptance.accepted.signatory.split(",")[0]
                  ? ` (enregistrée par ${acceptance.accepted.recordedBy})`
                  : ""}
                .
                {acceptance.accepted.scan ? (
                  <>
                    {" "}
                    <a href={acceptance.accepted.scan.href}>
                      Copie signée ({acceptance.accepted.scan.fileName})
                    </a>
                  </>
                ) : null}
              </>
            ) : (
              "pas encore acceptée."
            )}
          </li>
        ))}
      </ul>
      {page.certificate ? (
        <p>
          <a href={page.certificate.href} download>
            Télécharger le certificat d’acceptation (PDF)
          </a>{" "}
          — établi le {page.certificate.issuedOn}.
        </p>
      ) : null}
    </section>
  );
}

export function AcceptanceForms({
  page,
  result,
  who,
}: {
  page: AgreementPage;
  result?: AgreementActionResult;
  /** « Votre acceptation » / « L’acceptation de la Région ». */
  who: string;
}) {
  const online = result?.intent === "online" ? result : undefined;
  const paper = result?.intent === "paper" ? result : undefined;
  const value = (from: AgreementActionResult | undefined, name: string, fallback: string) =>
    from?.values[name] ?? fallback;
  const region = page.side === "REGION";
  // The whole form's refusals (already accepted, not granted) are shown at the top of the page.
  const fieldsOnly = (errors: Record<string, string> | undefined) =>
    errors ? Object.fromEntries(Object.entries(errors).filter(([key]) => key !== "form")) : undefined;
  return (
    <section aria-labelledby="accepter">
      <h2 id="accepter">{who}</h2>
      <Form method="post" encType="multipart/form-data" className="agreement-form" noValidate>
        <ErrorSummary errors={fieldsOnly(online?.errors)} />
        <input type="hidden" name="intent" value="online" />
        <input type="hidden" name="documentId" value={page.agreement?.id ?? ""} />
        <InputField
          name="signatoryName"
          label={region ? "Nom de la personne qui signe pour la Région" : "Votre nom et prénom"}
          autoComplete={region ? "off" : "name"}
          required
          defaultValue={value(online, "signatoryName", page.defaults.signatoryName)}
          error={online?.errors.signatoryName}
        />
        <InputField
          name="signatoryRole"
          label="En qualité de"
          hint={
            region
              ? "Par exemple «\u00a0le Président du Conseil régional, par délégation, la directrice de l’Économie sociale et solidaire\u00a0»."
              : "Par exemple «\u00a0présidente\u00a0», «\u00a0trésorier\u00a0»."
          }
          autoComplete={region ? "off" : "organization-title"}
          required
          defaultValue={value(online, "signatoryRole", page.defaults.signatoryRole)}
          error={online?.errors.signatoryRole}
        />
        <div className={online?.errors.declaration ? "field field--error" : "field"}>
          <FieldError id="declaration-error">{online?.errors.declaration}</FieldError>
          <div className="checkbox">
            <input
              type="checkbox"
              id="declaration"
              name="declaration"
              value="on"
              aria-invalid={online?.errors.declaration ? true : undefined}
              aria-describedby={online?.errors.declaration ? "declaration-error" : undefined}
            />
            <label htmlFor="declaration">{page.declarations.online}</label>
          </div>
        </div>
        <button type="submit" className="button">
          {region ? "Enregistrer l’acceptation de la Région" : "J’accepte la convention"}
        </button>
      </Form>

      <details className="agreement-paper" open={Boolean(paper)}>
        <summary>
          {region
            ? "La Région a signé la convention sur papier"
            : "Vous avez signé la convention sur papier\u00a0?"}
        </summary>
        <Form method="post" encType="multipart/form-data" className="agreement-form" noValidate>
          <ErrorSummary errors={fieldsOnly(paper?.errors)} />
          <input type="hidden" name="intent" value="paper" />
          <input type="hidden" name="documentId" value={page.agreement?.id ?? ""} />
          <p>
            Transmettez la copie numérisée de la convention signée (un seul fichier PDF, toutes les
            pages)&nbsp;: elle est enregistrée comme l’acceptation{" "}
            {region ? "de la Région" : "de votre organisation"}.
          </p>
          <InputField
            name={PAPER_FIELDS.signatoryName}
            label="Nom de la personne qui a signé"
            autoComplete="off"
            required
            defaultValue={value(paper, PAPER_FIELDS.signatoryName, page.defaults.signatoryName)}
            error={paper?.errors[PAPER_FIELDS.signatoryName]}
          />
          <InputField
            name={PAPER_FIELDS.signatoryRole}
            label="Qualité de la personne qui a signé"
            autoComplete="off"
            required
            defaultValue={value(paper, PAPER_FIELDS.signatoryRole, page.defaults.signatoryRole)}
            error={paper?.errors[PAPER_FIELDS.signatoryRole]}
          />
          <InputField
            name={PAPER_FIELDS.scan}
            type="file"
            accept="application/pdf,.pdf"
            label="Convention signée (PDF)"
            required
            error={paper?.errors[PAPER_FIELDS.scan]}
          />
          <div className={paper?.errors[PAPER_FIELDS.declaration] ? "field field--error" : "field"}>
            <FieldError id="paperDeclaration-error">{paper?.errors[PAPER_FIELDS.declaration]}</FieldError>
            <div className="checkbox">
              <input
                type="checkbox"
                id={PAPER_FIELDS.declaration}
                name={PAPER_FIELDS.declaration}
                value="on"
                aria-invalid={paper?.errors[PAPER_FIELDS.declaration] ? true : undefined}
                aria-describedby={
                  paper?.errors[PAPER_FIELDS.declaration] ? "paperDeclaration-error" : undefined
                }
              />
              <label htmlFor={PAPER_FIELDS.declaration}>{page.declarations.paper}</label>
            </div>
          </div>
          <button type="submit" className="button button--secondary">
            Transmettre la convention signée
          </button>
        </Form>
      </details>
    </section>
  );
}
