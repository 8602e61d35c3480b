// Public eligibility questionnaire: asks only what is still needed, answers scheme by scheme. Each step
// posts (no JavaScript needed); with JavaScript the results follow the answers as they change.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";

import { EligibilityResults } from "~/components/eligibility-results";
import { ErrorSummary } from "~/components/error-summary";
import { FieldError, FieldHint } from "~/components/form-field";
import { db } from "~/db.server";
import { evaluateEligibility, type EligibilityReport } from "~/domain/eligibility/evaluate";
import {
  parseEligibilityForm,
  questionsToAsk,
  type FormValues,
  type ParsedForm,
  type Question,
} from "~/domain/eligibility/form";
import { situationSchema } from "~/domain/eligibility/situation";
import { ruleSetsInForce } from "~/services/schemes/eligibility.server";
import { readFormData } from "~/services/platform/http.server";

export const meta: MetaFunction = () => [
  { title: "Vérifier mon éligibilité — Portail ESS Centre-Val de Loire" },
  {
    name: "description",
    content:
      "Quelques questions pour savoir à quels dispositifs ESS de la Région vous pouvez prétendre, et pour combien.",
  },
];

interface QuestionnaireState {
  values: FormValues;
  errors: ParsedForm["errors"];
  report: EligibilityReport;
  answered: boolean;
}

/** The answers in the query string (`/eligibilite?organisation.legalForm=association&…`): a shared result. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { values, errors, situation } = parseEligibilityForm(new URL(request.url).searchParams);
  const answered = Object.keys(values).length > 0;
  const report = evaluateEligibility(
    answered ? situation : situationSchema.parse({}),
    await ruleSetsInForce(db),
  );
  const state: QuestionnaireState = { values, errors, report, answered };
  return state;
}

/** This page with the answers given, to come back to the results or share them. */
function resultsLink(values: FormValues): string {
  const query = new URLSearchParams();
  for (const [path, value] of Object.entries(values)) if (value) query.set(path, value);
  return `/eligibilite?${query}`;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const { values, errors, situation } = parseEligibilityForm(form);
  const report = evaluateEligibility(situation, await ruleSetsInForce(db));
  const state: QuestionnaireState = { values, errors, report, answered: true };
  return data(state, { status: Object.keys(errors).length > 0 ? 400 : 200 });
}

const fieldId = (path: string) => `q-${path.replace(".", "-")}`;

function QuestionField({ question, value, error }: { question: Question; value?: string; error?: string }) {
  const id = fieldId(question.path);
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const hint = <FieldHint id={hintId}>{question.hint}</FieldHint>;
  const errorText = <FieldError id={errorId}>{error}</FieldError>;

  if (question.kind === "choice" || question.kind === "yesNo") {
    const options =
      question.kind === "yesNo"
        ? [
            { value: "oui", label: "Oui" },
            { value: "non", label: "Non" },
          ]
        : (question.options ?? []);
    return (
      <fieldset
        className={error ? "field field--error" : "field"}
        aria-describedby={describedBy}
        id={id}
        tabIndex={-1}
      >
        <legend className="field__label">{question.label}</legend>
        {hint}
        {errorText}
        <div className={question.kind === "yesNo" ? "choices choices--inline" : "choices"}>
          {options.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name={question.path}
                value={option.value}
                defaultChecked={value === option.value}
              />{" "}
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  const common = {
    id,
    name: question.path,
    defaultValue: value ?? "",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {question.label}
      </label>
      {hint}
      {errorText}
      {question.kind === "contributions" ? (
        <textarea {...common} rows={4} className="field__input" />
      ) : question.kind === "department" ? (
        <>
          <input
            {...common}
            list={`${id}-list`}
            inputMode="text"
            autoComplete="off"
            className="field__input field__input--short"
          />
          <datalist id={`${id}-list`}>
            {question.options?.map((option) => (
              <option key={option.value} value={option.value} label={option.label} />
            ))}
          </datalist>
        </>
      ) : (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="field__input field__input--short"
        />
      )}
    </div>
  );
}

export default function Eligibility() {
  const initial = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const fetcher = useFetcher<typeof action>();
  const state: QuestionnaireState = fetcher.data ?? posted ?? initial;
  const questions = questionsToAsk(state.report, state.values, state.errors);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  // With JavaScript, the results follow the answers a moment after each change, without a page load.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => fetcher.submit(form, { method: "post" }), 300);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(timer.current);
    fetcher.submit(event.currentTarget, { method: "post" });
  };

  const errorLabels = Object.fromEntries(questions.map((question) => [question.path, question.label]));
  const hasErrors = Object.keys(state.errors).length > 0;

  return (
    <>
      <h1>Vérifier mon éligibilité</h1>
      <p className="lead">
        Quelques questions sur votre structure et votre projet suffisent pour savoir, dispositif par
        dispositif, si vous pouvez déposer une demande, pourquoi, et pour quel montant. Aucun compte n’est
        nécessaire et vos réponses ne sont pas enregistrées.
      </p>
      <div className="eligibility">
        <Form method="post" className="eligibility__form" onChange={onChange} onSubmit={onSubmit} noValidate>
          <h2>Vos réponses</h2>
          {hasErrors ? (
            <ErrorSummary
              errors={state.errors as Record<string, string>}
              labels={errorLabels}
              fieldId={(path) => fieldId(path)}
            />
          ) : null}
          {questions.map((question) => (
            <QuestionField
              key={question.path}
              question={question}
              value={state.values[question.path]}
              error={state.errors[question.path]}
            />
          ))}
          <button type="submit" className="button">
            {state.answered ? "Mettre à jour les résultats" : "Continuer"}
          </button>
        </Form>
        <section className="eligibility__results" aria-labelledby="resultats" aria-live="polite">
          <h2 id="resultats">Résultats</h2>
          {state.answered ? (
            <>
              <EligibilityResults report={state.report} answers={state.values} />
              <p className="eligibility__share">
                <a href={resultsLink(state.values)}>Lien vers ces résultats</a> : à garder pour y revenir ou à
                partager, il reprend vos réponses.
              </p>
            </>
          ) : (
            <p>
              Répondez aux premières questions : les résultats s’afficheront ici, dispositif par dispositif.
            </p>
          )}
        </section>
      </div>
    </>
  );
}
