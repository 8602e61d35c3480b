// The funders' part of a shared dossier: every organisation's position, yours to state or update, and the
// discussion among funders and the Region. Plain forms posted to the page (an `intent` tells them apart),
// so everything works without JavaScript; refused forms come back with their errors and what was typed.
import { Form } from "@remix-run/react";

import { MessageThread } from "~/components/dossier/message-thread";
import { ErrorSummary } from "~/components/error-summary";
import { FieldError, InputField, SelectField, TextAreaField } from "~/components/form-field";
import {
  MAX_COMMENT_LENGTH,
  MAX_POSITION_NOTE,
  PLEDGE_INSTRUMENT_LABELS,
  PLEDGE_INSTRUMENTS,
  PLEDGE_STATUS_HINTS,
  PLEDGE_STATUS_LABELS,
  PLEDGE_STATUSES,
} from "~/domain/funder-positions";
import type { CommunityActivity, CommunityIntentResult } from "~/services/funders/positions.server";

type Result = CommunityIntentResult | null | undefined;

const POSITION_LABELS = {
  status: "Où en est votre organisation",
  instrument: "Instrument",
  amount: "Montant",
  note: "Note",
};
const COMMENT_LABELS = { body: "Message", mentions: "Prévenir par e-mail" };

/** The errors and typed values of one of the two forms, empty when the result belongs to the other. */
function formState(result: Result, intent: string) {
  const mine = result && result.intent === intent;
  return {
    errors: mine && !result.ok ? result.errors : {},
    values: mine && !result.ok ? result.values : null,
    message: mine && result.ok ? result.message : null,
  };
}

export function DossierCommunity({
  activity,
  actionData,
}: {
  activity: CommunityActivity;
  actionData?: Result;
}) {
  return (
    <section id="communaute" aria-labelledby="communaute-titre" className="community">
      <h2 id="communaute-titre">Communauté des financeurs</h2>
      <p className="community__privacy">
        Ces positions et cette discussion réunissent les financeurs et la Région ; le porteur de projet ne les
        voit pas.
      </p>
      <PositionsTable positions={activity.positions} />
      {activity.canTakePosition ? (
        <PositionForm activity={activity} result={formState(actionData, "position")} />
      ) : null}
      <Discussion activity={activity} result={formState(actionData, "comment")} />
    </section>
  );
}

export function PositionsTable({
  positions,
  caption = "Positions des financeurs sur ce dossier",
}: {
  positions: CommunityActivity["positions"];
  caption?: string;
}) {
  if (positions.length === 0)
    return <p>Aucun financeur n’a encore fait connaître sa position sur ce dossier.</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="positions-caption" tabIndex={0}>
      <table className="community-positions">
        <caption id="positions-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Financeur</th>
            <th scope="col">Position</th>
            <th scope="col">Instrument</th>
            <th scope="col" className="number">
              Montant
            </th>
            <th scope="col">Note</th>
            <th scope="col">Mise à jour</th>
          </tr>
        </thead>
        <tbody>
          {positions.map((position) => (
            <tr key={position.id} className={position.mine ? "community-positions__mine" : undefined}>
              <th scope="row">
                {position.organisation}
                {position.shared ? null : (
                  <span className="community__draft"> (brouillon, visible de votre seule organisation)</span>
                )}
              </th>
              <td>{position.status}</td>
              <td>{position.instrument ?? "—"}</td>
              <td className="number">{position.amount ?? "—"}</td>
              <td className="community__note">{position.note ?? ""}</td>
              <td>{position.updatedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PositionForm({
  activity,
  result,
}: {
  activity: CommunityActivity;
  result: ReturnType<typeof formState>;
}) {
  const saved = activity.myPosition;
  const value = (name: "status" | "instrument" | "amount" | "note") =>
    result.values ? (result.values[name] ?? "") : (saved?.[name] ?? "");
  const shared = result.values ? Boolean(result.values.partager) : (saved?.partager ?? false);
  const status = value("status");
  const { errors } = result;
  return (
    <Form method="post" noValidate className="community-form" key={`position-${result.message ?? ""}`}>
      <h3>Votre position</h3>
      {result.message ? (
        <p className="notice notice--success" role="status">
          {result.message}
        </p>
      ) : null}
      <ErrorSummary
        errors={errors}
        labels={POSITION_LABELS}
        fieldId={(field) => (field === "status" ? "position-status-INTERESTED" : field)}
      />
      <input type="hidden" name="intent" value="position" />
      <fieldset
        className={errors.status ? "field field--error" : "field"}
        aria-describedby={errors.status ? "position-status-error" : undefined}
      >
        <legend className="field__label">
          {POSITION_LABELS.status} <span className="field__required">(obligatoire)</span>
        </legend>
        <FieldError id="position-status-error">{errors.status}</FieldError>
        <div className="choices">
          {PLEDGE_STATUSES.map((choice) => (
            <div className="choice" key={choice}>
              <input
                type="radio"
                id={`position-status-${choice}`}
                name="status"
                value={choice}
                defaultChecked={status === choice}
              />
              <label htmlFor={`position-status-${choice}`}>
                {PLEDGE_STATUS_LABELS[choice]}{" "}
                <span className="field__hint">— {PLEDGE_STATUS_HINTS[choice]}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <p className="field__hint">Instrument et montant sont obligatoires à partir de « Envisagé ».</p>
      <SelectField
        name="instrument"
        label={POSITION_LABELS.instrument}
        options={PLEDGE_INSTRUMENTS.map((item) => ({ value: item, label: PLEDGE_INSTRUMENT_LABELS[item] }))}
        defaultValue={value("instrument")}
        error={errors.instrument}
      />
      <InputField
        name="amount"
        label={`${POSITION_LABELS.amount} (en euros)`}
        hint="Par exemple 12 000"
        inputMode="decimal"
        className="field__input field__input--short"
        defaultValue={value("amount")}
        error={errors.amount}
      />
      <TextAreaField
        name="note"
        label={POSITION_LABELS.note}
        hint="Conditions, calendrier de votre comité, pièces attendues…"
        rows={3}
        maxLength={MAX_POSITION_NOTE}
        defaultValue={value("note")}
        error={errors.note}
      />
      <div className="checkbox">
        <input
          type="checkbox"
          id="position-partager"
          name="partager"
          value="1"
          defaultChecked={shared}
          aria-describedby="position-partager-hint"
        />
        <label htmlFor="position-partager">Montrer cette position aux autres financeurs et à la Région</label>
      </div>
      <p id="position-partager-hint" className="field__hint">
        Sans cette case, votre position reste un brouillon que seuls les membres de votre organisation voient.
      </p>
      <button type="submit" className="button">
        Enregistrer votre position
      </button>
    </Form>
  );
}

function Discussion({
  activity,
  result,
}: {
  activity: CommunityActivity;
  result: ReturnType<typeof formState>;
}) {
  const { errors } = result;
  const mentioned = new Set((result.values?.mentions ?? "").split(",").filter(Boolean));
  return (
    <div className="community-discussion">
      <h3 id="discussion">Discussion</h3>
      <MessageThread messages={activity.comments} />
      <Form method="post" noValidate className="community-form" key={`comment-${activity.comments.length}`}>
        {result.message ? (
          <p className="notice notice--success" role="status">
            {result.message}
          </p>
        ) : null}
        <ErrorSummary
          errors={errors}
          labels={COMMENT_LABELS}
          fieldId={(field) => (field === "mentions" ? "comment-mentions" : field)}
        />
        <input type="hidden" name="intent" value="comment" />
        <TextAreaField
          name="body"
          label="Votre message"
          required
          rows={4}
          maxLength={MAX_COMMENT_LENGTH}
          defaultValue={result.values?.body ?? ""}
          error={errors.body}
        />
        {activity.mentionable.length > 0 ? (
          <fieldset className="community-mentions" id="comment-mentions" tabIndex={-1}>
            <legend>{COMMENT_LABELS.mentions}</legend>
            <p className="field__hint">
              Les personnes cochées reçoivent un e-mail avec le début de votre message.
            </p>
            <FieldError>{errors.mentions}</FieldError>
            <div className="choices community-mentions__list">
              {activity.mentionable.map((person) => (
                <div className="choice" key={person.id}>
                  <input
                    type="checkbox"
                    id={`mention-${person.id}`}
                    name="mentions"
                    value={person.id}
                    defaultChecked={mentioned.has(person.id)}
                  />
                  <label htmlFor={`mention-${person.id}`}>{person.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <button type="submit" className="button">
          Publier le message
        </button>
      </Form>
    </div>
  );
}
