// A person on a slow connection types into the server-rendered form before the page's scripts have run.
// When they run, react-hook-form would put back the values the page was loaded with: the step form reads
// the inputs first and starts from what they hold, so nothing typed is lost and it is saved at once.
import { answersFromForm, pickStepAnswers, type RawAnswers, type StepDef } from "~/domain/dossier-forms";

/** The step form's id in the page. */
export const STEP_FORM_ID = "formulaire-etape";

// Only the first render in the browser takes over server-rendered inputs; after that, a step form's first
// render follows a navigation and the inputs on screen may be another step's.
let hydrated = false;

export function markHydrated(): void {
  hydrated = true;
}

/** The step's answers as its inputs hold them when the scripts take over, or as loaded. */
export function typedBeforeHydration(step: StepDef, loaded: RawAnswers): RawAnswers {
  if (hydrated || typeof document === "undefined") return loaded;
  const form = document.getElementById(STEP_FORM_ID);
  if (!(form instanceof HTMLFormElement) || form.dataset.step !== step.id) return loaded;
  return { ...loaded, ...pickStepAnswers(step, answersFromForm(new FormData(form))) };
}

/** Whether two sets of answers say the same thing for this step. */
export function sameAnswers(step: StepDef, a: RawAnswers, b: RawAnswers): boolean {
  return JSON.stringify(pickStepAnswers(step, a)) === JSON.stringify(pickStepAnswers(step, b));
}
