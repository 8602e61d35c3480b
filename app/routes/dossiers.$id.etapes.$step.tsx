// One step of a dossier's form: shows the answers as typed, saves them (autosave, save, save and continue),
// adds and removes rows without JavaScript, and reports a colleague's concurrent save instead of
// overwriting it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";

import { BudgetTotals } from "~/components/dossier-form/budget-totals";
import { StepForm, type StepActionData } from "~/components/dossier-form/step-form";
import { db } from "~/db.server";
import {
  answersFromForm,
  ATTACHMENTS_STEP,
  dossierSteps,
  isList,
  pickStepAnswers,
  type RawAnswers,
  type RawRow,
  type StepDef,
} from "~/domain/dossier-forms";
import { formatTime } from "~/domain/format";
import {
  answersOf,
  formContext,
  getDossierForMember,
  isEditableByApplicant,
} from "~/services/applicant/dossiers.server";
import { saveStep } from "~/services/applicant/dossier-steps.server";
import { readFormData } from "~/services/platform/http.server";
import { requireRole } from "~/session.server";

import { stepHref } from "./dossiers.$id";
import { isUserError } from "~/domain/user-error";

async function loadStep(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireRole(request, "APPLICANT");
  const dossier = await getDossierForMember(db, user.id, params.id ?? "");
  const context = await formContext(db, dossier.schemeCode, dossier.ruleSet.parameters, dossier);
  const steps = dossierSteps(dossier.schemeCode, context);
  const index = steps.findIndex((step) => step.id === params.step);
  if (index < 0) throw new Response("Étape introuvable.", { status: 404 });
  return { user, dossier, steps, step: steps[index]!, next: steps[index + 1]?.id ?? ATTACHMENTS_STEP.id };
}

function stepValues(step: StepDef, answers: RawAnswers): RawAnswers {
  const values = pickStepAnswers(step, answers);
  // A group always shows at least one row to fill in.
  for (const item of step.items) {
    if (isList(item) && (values[item.name] as RawRow[]).length === 0 && item.minItems > 0) {
      values[item.name] = [Object.fromEntries(item.fields.map((field) => [field.name, ""]))];
    }
  }
  return values;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { dossier, step, next } = await loadStep(request, params);
  if (!isEditableByApplicant(dossier.status)) throw redirect(`/dossiers/${dossier.id}`);
  return {
    step,
    isLast: next === ATTACHMENTS_STEP.id,
    values: stepValues(step, answersOf(dossier.answers)),
    revision: dossier.revision,
    savedAt: dossier.lastEditedAt ? formatTime(dossier.lastEditedAt) : null,
  };
}

/** Without JavaScript, rows are added and removed by posting the step. */
function applyRowIntent(step: StepDef, values: Record<string, unknown>, intent: string) {
  const [action, listName, position] = intent.split(":");
  const index = Number(position);
  const list = step.items.find((item) => item.name === listName);
  if (!list || !isList(list)) return false;
  const rows = Array.isArray(values[list.name]) ? (values[list.name] as RawRow[]) : [];
  if (action === "add" && rows.length < list.maxItems) {
    rows.push(Object.fromEntries(list.fields.map((field) => [field.name, ""])));
  } else if (action === "remove" && Number.isInteger(index) && index >= 0) {
    rows.splice(index, 1);
  }
  values[list.name] = rows;
  return true;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, dossier, step, next } = await loadStep(request, params);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "save");
  const values = answersFromForm(form);
  const rowIntent = applyRowIntent(step, values, intent);
  const revision = Number(form.get("revision"));
  try {
    const result = await saveStep(db, {
      userId: user.id,
      dossierId: dossier.id,
      stepId: step.id,
      values,
      revision: Number.isSafeInteger(revision) ? revision : -1,
      force: intent === "overwrite",
    });
    const typed = pickStepAnswers(step, values);
    if (!result.ok) {
      return data<StepActionData>(
        { kind: "conflict", ...result.conflict, revision: result.revision, values: typed },
        { status: 409 },
      );
    }
    if (intent === "next" && Object.keys(result.errors).length === 0 && !rowIntent) {
      return redirect(stepHref(dossier.id, next));
    }
    return data<StepActionData>(
      {
        kind: "saved",
        revision: result.revision,
        savedAt: formatTime(result.savedAt),
        errors: intent === "autosave" || rowIntent ? {} : result.errors,
        values: typed,
      },
      { status: Object.keys(result.errors).length > 0 && intent !== "autosave" && !rowIntent ? 400 : 200 },
    );
  } catch (error) {
    if (isUserError(error)) {
      return data<StepActionData>({ kind: "error", message: error.message }, { status: error.status });
    }
    throw error;
  }
}

export default function DossierStep() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result && "values" in result && result.values ? result.values : loaded.values;
  // The form starts again from the server's values only after a post of the page (a row added without
  // JavaScript, a save button) or on another step: never when autosave revalidates the loader while the
  // person is typing.
  const formKey = useRef({ result, count: 0 });
  if (formKey.current.result !== result) formKey.current = { result, count: formKey.current.count + 1 };
  return (
    <section aria-labelledby="titre-etape">
      <h2 id="titre-etape">{loaded.step.title}</h2>
      {result?.kind === "error" ? (
        <p className="notice notice--error" role="alert">
          {result.message}
        </p>
      ) : null}
      <StepForm
        key={`${loaded.step.id}-${formKey.current.count}`}
        step={loaded.step}
        values={values}
        serverErrors={result?.kind === "saved" ? result.errors : {}}
        revision={result && "revision" in result ? result.revision : loaded.revision}
        savedAt={result?.kind === "saved" ? result.savedAt : loaded.savedAt}
        conflict={result?.kind === "conflict" ? { by: result.by, at: result.at } : null}
        isLast={loaded.isLast}
      >
        {loaded.step.id === "budget" ? (watched) => <BudgetTotals values={watched} /> : undefined}
      </StepForm>
    </section>
  );
}
