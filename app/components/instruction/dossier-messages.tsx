// The conversation with the applicant, and the form to write to them with attachments (multipart,
// works without JavaScript).
import { Form, useNavigation } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField, TextAreaField } from "~/components/form-field";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES } from "~/domain/uploads";

import { formState, type DossierActionResult, type DossierPageData } from "./dossier-action-result";

export function DossierMessages({
  messages,
  uploadLimit,
  limits,
  result,
}: {
  messages: DossierPageData["messages"];
  uploadLimit: string;
  limits: { maxFiles: number; maxLength: number; filesField: string };
  result?: DossierActionResult;
}) {
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "message";
  const form = formState(result, "message");
  const again =
    form.typed && result?.hadFiles
      ? " Votre message n’a pas été envoyé\u00a0: choisissez à nouveau les fichiers à joindre."
      : "";
  return (
    <section aria-labelledby="messages-titre" id="messages">
      <h2 id="messages-titre">Messages avec le porteur de projet</h2>
      {messages.length === 0 ? (
        <p>Aucun message pour l’instant.</p>
      ) : (
        <ol className="thread">
          {messages.map((item) => (
            <li key={item.id} className={item.fromApplicant ? "message" : "message message--region"}>
              <p className="message__meta">
                <strong>{item.authorLabel}</strong>, le <time dateTime={item.iso}>{item.at}</time>
              </p>
              <p className="message__body">{item.body}</p>
              {item.attachments.length > 0 ? (
                <ul className="message__files" aria-label="Pièces jointes">
                  {item.attachments.map((file) => (
                    <li key={file.href}>
                      <a href={file.href} download>
                        {file.fileName}
                      </a>{" "}
                      ({file.size})
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Form
        method="post"
        encType="multipart/form-data"
        className="message-form"
        noValidate
        key={messages.length}
      >
        <h3 id="ecrire">Écrire au porteur de projet</h3>
        <ErrorSummary errors={form.errors} labels={{ body: "Message", attachments: "Pièces jointes" }} />
        <input type="hidden" name="intent" value="message" />
        <TextAreaField
          name="body"
          label="Votre message"
          hint="Tous les membres de l’organisation le reçoivent par courriel."
          required
          rows={6}
          maxLength={limits.maxLength}
          defaultValue={form.value("body")}
          error={form.errors.body}
        />
        <InputField
          name={limits.filesField}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          label="Pièces jointes (facultatif)"
          hint={`Jusqu’à ${limits.maxFiles} fichiers de ${uploadLimit} au plus chacun. Formats acceptés\u00a0: ${ACCEPTED_TYPES.map((type) => type.label).join(", ")}.${again}`}
          error={form.errors.attachments}
        />
        <button type="submit" className="button" disabled={sending}>
          {sending ? "Envoi en cours…" : "Envoyer le message"}
        </button>
      </Form>
    </section>
  );
}
