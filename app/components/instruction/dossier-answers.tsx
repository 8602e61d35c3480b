// Everything the applicant filed, as the complete dossier prints it: the organisation, each step's
// answers, the budget, the pieces (to look at in the browser or download) and the documents issued.
import { BudgetLinesTable } from "~/components/budget-lines-table";
import { issuedOn } from "~/domain/dossier-documents";

import type { DossierPageData } from "./dossier-action-result";

type Answers = DossierPageData["answers"];

export function DossierAnswers({ answers }: { answers: Answers }) {
  return (
    <section aria-labelledby="reponses" className="instruction-answers">
      <h2 id="reponses">Le dossier déposé</h2>
      <h3>Organisation</h3>
      <dl className="details">
        {answers.organisation.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {answers.sections.map((section) => (
        <div key={section.title}>
          <h3>{section.title}</h3>
          {section.items.length > 0 ? (
            <dl className="details">
              {section.items.map((item) => (
                <div key={item.label}>
                  <dt>{item.label}</dt>
                  <dd className="instruction-answer">{item.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {(section.tables ?? []).map((table) => (
            <div
              key={table.caption}
              className="table-scroll"
              role="region"
              aria-label={table.caption}
              tabIndex={0}
            >
              <table>
                <caption>{table.caption}</caption>
                <thead>
                  <tr>
                    {table.columns.map((column) => (
                      <th key={column} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, index) => (
                    <tr key={index}>
                      {row.map((cell, column) => (
                        <td
                          key={column}
                          className={table.numericColumns?.includes(column) ? "number" : undefined}
                        >
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      ))}
      <h3>Budget et plan de financement</h3>
      <BudgetLinesTable caption="Dépenses" lines={answers.budget.expenses} />
      <BudgetLinesTable caption="Ressources" lines={answers.budget.resources} />
    </section>
  );
}

export function DossierFiles({
  pieces,
  documents,
}: {
  pieces: DossierPageData["pieces"];
  documents: DossierPageData["documents"];
}) {
  return (
    <section aria-labelledby="pieces" className="instruction-files">
      <h2 id="pieces">Pièces justificatives</h2>
      {pieces.length === 0 ? (
        <p>Aucune pièce déposée.</p>
      ) : (
        <ul className="document-list">
          {pieces.map((piece) => (
            <li key={piece.id}>
              <strong>{piece.label}</strong> — {piece.fileName} ({piece.size}, déposée le {piece.uploadedOn})
              <span className="instruction-files__links">
                {piece.previewHref ? (
                  <a href={piece.previewHref} target="_blank" rel="noreferrer">
                    Aperçu<span className="visually-hidden"> de « {piece.fileName} » (nouvel onglet)</span>
                  </a>
                ) : null}
                <a href={piece.href} download>
                  Télécharger<span className="visually-hidden"> « {piece.fileName} »</span>
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2 id="documents">Documents</h2>
      <ul className="document-list">
        {documents.map((document) => (
          <li key={document.slug}>
            <a href={document.href} download>
              {document.label} (PDF)
            </a>
            <span className="document-list__note">
              {document.date
                ? ` — ${issuedOn(document.slug, document.date)}`
                : " — édité au moment du téléchargement"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
