import { Form } from "@remix-run/react";

import { ErrorSummary } from "~/components/error-summary";
import { InputField } from "~/components/form-field";
import { REVIEW_PLACE_MAX, REVIEW_TITLE_MAX } from "~/domain/project-review";

export interface ReviewFormValues {
  title: string;
  date: string;
  time: string;
  place: string;
}

const LABELS = { title: "Titre", date: "Date", time: "Heure", place: "Lieu ou lien de visioconférence" };

/** Plans a review; works as a plain HTML form, the server checks everything and keeps what was typed. */
export function ReviewCreateForm({
  earliest,
  errors,
  values,
}: {
  /** The earliest day accepted: a review held outside the portal can be recorded up to a year later. */
  earliest: string;
  errors?: Record<string, string>;
  values?: ReviewFormValues;
}) {
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" className="review-form" aria-labelledby="nouvelle-revue" noValidate>
        <input type="hidden" name="intent" value="create" />
        <InputField
          name="title"
          label={LABELS.title}
          required
          maxLength={REVIEW_TITLE_MAX}
          hint="Par exemple « Revue des projets d’économie circulaire du Loiret »."
          defaultValue={values?.title}
          error={errors?.title}
        />
        <div className="review-form__when">
          <InputField
            name="date"
            type="date"
            label={LABELS.date}
            required
            min={earliest}
            hint="Au format jj/mm/aaaa. Une réunion déjà tenue hors du portail s’enregistre à sa date, pour en écrire le compte rendu."
            defaultValue={values?.date}
            error={errors?.date}
          />
          <InputField
            name="time"
            type="time"
            label={LABELS.time}
            required
            hint="Heure de Paris, par exemple 14:00."
            defaultValue={values?.time}
            error={errors?.time}
          />
        </div>
        <InputField
          name="place"
          label={LABELS.place}
          required
          maxLength={REVIEW_PLACE_MAX}
          hint="Une salle et son adresse, ou le lien de la visioconférence."
          defaultValue={values?.place}
          error={errors?.place}
        />
        <button type="submit" className="button">
          Prévoir la revue
        </button>
      </Form>
    </>
  );
}
