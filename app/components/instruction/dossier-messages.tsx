// The conversation with the applicant, and the form to write to them with attachments (multipart,
// works without JavaScript).
import { Form, useNavigation } from "@remix-run/react";

import { DossierMessageThread } from "~/components/dossier/message-thread";
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
      <DossierMessageThread messages={messages} />
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
