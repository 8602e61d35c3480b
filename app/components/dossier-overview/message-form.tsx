// The form to write to the instruction service, with attachments; posts without JavaScript.
import { Form, useNavigation } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField, TextAreaField } from "~/components/form-field";
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES } from "~/domain/uploads";

import type { OverviewActionResult } from "./types";

export function MessageForm({
  result,
  uploadLimit,
  maxFiles,
  maxLength,
  filesField,
}: {
  result?: OverviewActionResult;
  uploadLimit: string;
  maxFiles: number;
  maxLength: number;
  filesField: string;
}) {
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "message";
  const errors = result?.intent === "message" ? result.errors : {};
  return (
    <Form method="post" encType="multipart/form-data" className="message-form" noValidate>
      <h3 id="ecrire">Écrire au service instructeur</h3>
      <ErrorSummary errors={errors} labels={{ body: "Message", attachments: "Pièces jointes" }} />
      <input type="hidden" name="intent" value="message" />
      <TextAreaField
        name="body"
        label="Votre message"
        required
        rows={6}
        maxLength={maxLength}
        defaultValue={result?.intent === "message" ? result.values.body : undefined}
        error={errors.body}
      />
      <InputField
        name={filesField}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        label="Pièces jointes (facultatif)"
        hint={`Jusqu’à ${maxFiles} fichiers de ${uploadLimit} au plus chacun. Formats acceptés\u00a0: ${ACCEPTED_TYPES.map((type) => type.label).join(", ")}.${
          result?.intent === "message" && result.hadFiles
            ? " Votre message n’a pas été envoyé\u00a0: choisissez à nouveau les fichiers à joindre."
            : ""
        }`}
        error={errors.attachments}
      />
      <button type="submit" className="button" disabled={sending}>
        {sending ? "Envoi en cours…" : "Envoyer le message"}
      </button>
    </Form>
  );
}
