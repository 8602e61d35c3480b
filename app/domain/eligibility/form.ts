// The eligibility questionnaire as an HTML form: its questions, and the conversion of what a browser
// posts (strings, French number formats) into a situation. Shared by the page's action and its tests.
import type { EligibilityReport } from "./evaluate";
import {
  COOPERATIVE_OPERATION_ANSWERS,
  EU_PROGRAMME_ANSWERS,
  LEGAL_FORM_ANSWER_LABELS,
  LEGAL_FORM_ANSWERS,
  PRIORITY_ANSWERS,
  situationSchema,
  type AnswerPath,
  type Situation,
} from "./situation";

export type QuestionKind = "choice" | "yesNo" | "euros" | "number" | "department" | "contributions";

export interface Question {
  path: AnswerPath;
  kind: QuestionKind;
  label: string;
  hint?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
}

/** The value a "none" answer to the EU programme posts (the API's `null`). */
export const NO_EU_PROGRAMME = "aucun";

const REGION_DEPARTMENT_OPTIONS = [
  { value: "18", label: "Cher (18)" },
  { value: "28", label: "Eure-et-Loir (28)" },
  { value: "36", label: "Indre (36)" },
  { value: "37", label: "Indre-et-Loire (37)" },
  { value: "41", label: "Loir-et-Cher (41)" },
  { value: "45", label: "Loiret (45)" },
];

/** Every question, in the order it is asked; the page shows only those still needed. */
export const QUESTIONS: readonly Question[] = [
  {
    path: "organisation.legalForm",
    kind: "choice",
    label: "Quelle est la forme juridique de votre structure ?",
    options: LEGAL_FORM_ANSWERS.map((value) => ({ value, label: LEGAL_FORM_ANSWER_LABELS[value] })),
  },
  {
    path: "organisation.department",
    kind: "department",
    label: "Dans quel département sont son siège ou son activité principale ?",
    hint: "Choisissez un département de la région, ou indiquez le numéro d’un autre département (ex. 75).",
    options: REGION_DEPARTMENT_OPTIONS,
  },
  {
    path: "organisation.generalInterest",
    kind: "yesNo",
    label: "Poursuit-elle un but d’intérêt général ou d’utilité sociale ?",
  },
  {
    path: "project.jobsFte",
    kind: "number",
    label: "Combien d’emplois le projet crée-t-il ou consolide-t-il, en équivalents temps plein ?",
    hint: "Par exemple 1 ou 1,5. Indiquez 0 si le projet ne crée ni ne consolide d’emploi.",
  },
  {
    path: "project.cdi",
    kind: "yesNo",
    label: "Ces emplois sont-ils en contrat à durée indéterminée (CDI) ?",
  },
  {
    path: "project.annualAmountEur",
    kind: "euros",
    label: "Quel montant annuel souhaitez-vous demander à la Région (CAP ASSO) ?",
    hint: "En euros, par exemple 15 000.",
  },
  {
    path: "project.newOnTerritory",
    kind: "yesNo",
    label: "L’initiative est-elle nouvelle sur son territoire ?",
  },
  { path: "project.partnership", kind: "yesNo", label: "Le projet est-il porté avec des partenaires ?" },
  {
    path: "project.priority",
    kind: "choice",
    label: "À quelle priorité régionale le projet répond-il ?",
    options: [
      { value: PRIORITY_ANSWERS[0], label: "Transition écologique et adaptation au changement climatique" },
      { value: PRIORITY_ANSWERS[1], label: "Services publics de proximité et solidarités" },
      { value: PRIORITY_ANSWERS[2], label: "Aucune de ces deux priorités" },
    ],
  },
  {
    path: "project.eligibleExpensesEur",
    kind: "euros",
    label: "Quel est le montant des dépenses éligibles du projet ?",
    hint: "En euros, fonctionnement et investissement compris.",
  },
  {
    path: "project.requestedAmountEur",
    kind: "euros",
    label: "Quelle subvention souhaitez-vous demander (A VOS ID) ?",
    hint: "En euros.",
  },
  {
    path: "project.cooperativeOperation",
    kind: "choice",
    label: "De quelle opération s’agit-il pour la coopérative ?",
    options: [
      { value: COOPERATIVE_OPERATION_ANSWERS[0], label: "Création d’une coopérative" },
      { value: COOPERATIVE_OPERATION_ANSWERS[1], label: "Reprise d’une entreprise par ses salarié·es" },
      { value: COOPERATIVE_OPERATION_ANSWERS[2], label: "Transformation d’une association en coopérative" },
    ],
  },
  {
    path: "project.employeeAssociates",
    kind: "contributions",
    label: "Apport en capital de chaque salarié·e qui devient associé·e",
    hint: "Un montant en euros par ligne, par exemple 4 000. Laissez vide si personne n’apporte de capital.",
  },
  {
    path: "project.euProgramme",
    kind: "choice",
    label: "Le projet est-il cofinancé par un programme européen ?",
    options: [
      { value: EU_PROGRAMME_ANSWERS[0], label: "Oui, par le FSE+" },
      { value: EU_PROGRAMME_ANSWERS[1], label: "Oui, par le FEDER" },
      { value: EU_PROGRAMME_ANSWERS[2], label: "Oui, par LEADER" },
      { value: EU_PROGRAMME_ANSWERS[3], label: "Oui, par un autre programme européen" },
      { value: NO_EU_PROGRAMME, label: "Non" },
    ],
  },
  {
    path: "project.euGrantEur",
    kind: "euros",
    label: "Quel est le montant de la subvention européenne ?",
    hint: "En euros.",
  },
  {
    path: "project.advanceEur",
    kind: "euros",
    label: "Quelle avance en fonds propres souhaitez-vous demander ?",
    hint: "En euros.",
  },
];

/** What the person typed, by question path, to show the form again exactly as it was. */
export type FormValues = Partial<Record<AnswerPath, string>>;

export interface ParsedForm {
  values: FormValues;
  errors: Partial<Record<AnswerPath, string>>;
  situation: Situation;
}

/** « 12 345,50 », « 12345.5 », « 12 000 € » → 12345.5; null when it is not a number. */
export function parseFrenchNumber(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  if (!/^\d+(?:[,.]\d+)?$/.test(cleaned)) return null;
  return Number(cleaned.replace(",", "."));
}

function numberAnswer(kind: QuestionKind, raw: string): { value?: number; error?: string } {
  const value = parseFrenchNumber(raw);
  if (value === null) {
    return {
      error:
        kind === "euros"
          ? "Indiquez un montant en euros, en chiffres, par exemple 12 000 ou 12 000,50."
          : "Indiquez un nombre, par exemple 1 ou 1,5.",
    };
  }
  return { value };
}

/**
 * The situation described by a posted questionnaire. Empty answers are "not known yet"; a badly typed
 * number is an error on its question and is left out of the situation.
 */
export function parseEligibilityForm(form: Iterable<[string, FormDataEntryValue]>): ParsedForm {
  const posted = new Map<string, string>();
  for (const [key, value] of form) if (typeof value === "string") posted.set(key, value);

  const values: FormValues = {};
  const errors: ParsedForm["errors"] = {};
  const organisation: Record<string, unknown> = {};
  const project: Record<string, unknown> = {};

  for (const question of QUESTIONS) {
    const raw = (posted.get(question.path) ?? "").trim();
    if (raw === "") continue;
    values[question.path] = raw;
    const [group, field] = question.path.split(".") as ["organisation" | "project", string];
    const target = group === "organisation" ? organisation : project;
    switch (question.kind) {
      case "yesNo":
        if (raw === "oui" || raw === "non") target[field] = raw === "oui";
        else errors[question.path] = "Répondez par oui ou par non.";
        break;
      case "choice":
        if (question.path === "project.euProgramme" && raw === NO_EU_PROGRAMME) target[field] = null;
        else if (question.options?.some((option) => option.value === raw)) target[field] = raw;
        else errors[question.path] = "Choisissez l’une des réponses proposées.";
        break;
      case "department":
        target[field] = raw;
        break;
      case "euros":
      case "number": {
        const answer = numberAnswer(question.kind, raw);
        if (answer.error) errors[question.path] = answer.error;
        else target[field] = answer.value;
        break;
      }
      case "contributions": {
        const lines = raw
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
        const amounts = lines.map((line) => parseFrenchNumber(line));
        if (amounts.some((amount) => amount === null)) {
          errors[question.path] = "Indiquez un montant en euros par ligne, par exemple 4 000.";
        } else {
          target[field] = amounts.map((contributionEur) => ({ contributionEur }));
        }
        break;
      }
    }
  }

  // The schema has the last word (department codes, bounds); its messages go to their question.
  const parsed = situationSchema.safeParse({ organisation, project });
  if (parsed.success) return { values, errors, situation: parsed.data };
  for (const issue of parsed.error.issues) {
    const path = issue.path.slice(0, 2).join(".") as AnswerPath;
    // « Département : indiquez… » → « Indiquez… »: the question itself is the label.
    const message = issue.message.replace(/^[^:]+ : /, "");
    errors[path] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  const valid: Situation = situationSchema.parse({
    organisation: withoutKeys(organisation, errors, "organisation"),
    project: withoutKeys(project, errors, "project"),
  });
  return { values, errors, situation: valid };
}

function withoutKeys(answers: Record<string, unknown>, errors: ParsedForm["errors"], group: string) {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !(`${group}.${key}` in errors)));
}

/** Asked first: they rule out most schemes at once. */
const FIRST_QUESTIONS: readonly AnswerPath[] = ["organisation.legalForm", "organisation.department"];

/**
 * The questions to show: the legal form and the department first; once they are answered, the questions
 * that a scheme still open needs, plus every question already answered or in error so it can be changed.
 */
export function questionsToAsk(
  report: EligibilityReport,
  values: FormValues,
  errors: ParsedForm["errors"] = {},
): Question[] {
  const needed = new Set(
    report.results.filter((result) => result.eligible !== false).flatMap((result) => result.missing),
  );
  const firstPending = FIRST_QUESTIONS.some(
    (path) => values[path] === undefined || errors[path] !== undefined,
  );
  return QUESTIONS.filter((question) => {
    if (values[question.path] !== undefined || errors[question.path] !== undefined) return true;
    if (FIRST_QUESTIONS.includes(question.path)) return true;
    return !firstPending && needed.has(question.path);
  });
}
