// The open correction requests, as the applicant reads them on the dossier's page and when sending it back.
import type { OpenCorrection } from "~/services/applicant/correction-requests.server";

type Correction = Pick<
  OpenCorrection,
  "id" | "reason" | "requestedOn" | "replyBy" | "fields" | "attachments"
>;

export function CorrectionRequests({
  corrections,
  headingLevel = 3,
}: {
  corrections: Correction[];
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      {corrections.map((correction, index) => (
        <div key={correction.id} className="correction">
          <Heading>
            {corrections.length > 1 ? `Demande ${index + 1}` : "Demande"} du {correction.requestedOn}
          </Heading>
          <p className="message__body">{correction.reason}</p>
          {correction.fields.length > 0 ? (
            <>
              <p>Réponses à revoir&nbsp;:</p>
              <ul>
                {correction.fields.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </>
          ) : null}
          {correction.attachments.length > 0 ? (
            <>
              <p>Pièces à fournir ou à remplacer&nbsp;:</p>
              <ul>
                {correction.attachments.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <strong>À renvoyer au plus tard le {correction.replyBy}.</strong>
          </p>
        </div>
      ))}
    </>
  );
}
