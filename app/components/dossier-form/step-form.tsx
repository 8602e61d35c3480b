// A step of a dossier form. Without JavaScript it is a plain form: each button posts, the server checks
// and saves, rows are added and removed by posting. With JavaScript, react-hook-form checks each field as
// it is left (same zod schema as the server), rows are added in place, and the step saves itself a moment
// after each change and when the person leaves it.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useFetcher, useLocation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";

import { ErrorSummary } from "~/components/error-summary";
import { useHydrated } from "~/components/use-hydrated";
import {
  fieldDomId,
  isList,
  isShown,
  stepSchema,
  type RawAnswers,
  type RawRow,
  type StepDef,
} from "~/domain/dossier-forms";

import { FieldInput } from "./field-input";
import { RowsGroup } from "./rows-group";
import { markHydrated, sameAnswers, STEP_FORM_ID, typedBeforeHydration } from "./typed-before-hydration";

export type StepActionData =
  | { kind: "saved"; revision: number; savedAt: string; errors: Record<string, string>; values: RawAnswers }
  | { kind: "conflict"; by: string; at: string; revision: number; values: RawAnswers }
  | { kind: "error"; message: string; values?: RawAnswers };

const AUTOSAVE_DELAY_MS = 1500;

type Values = Record<string, unknown>;

function errorMessage(errors: unknown, path: string): string | undefined {
  let node = errors as Record<string, unknown> | undefined;
  for (const part of path.split(".")) node = node?.[part] as Record<string, unknown> | undefined;
  return typeof node?.message === "string" ? node.message : undefined;
}

export function StepForm({
  step,
  values: loaded,
  serverErrors,
  revision: initialRevision,
  savedAt: initialSavedAt,
  conflict: initialConflict,
  isLast,
  children,
}: {
  step: StepDef;
  values: RawAnswers;
  serverErrors: Record<string, string>;
  revision: number;
  savedAt: string | null;
  conflict: { by: string; at: string } | null;
  isLast: boolean;
  /** Shown between the fields and the buttons (the budget's totals). */
  children?: (watched: Values) => ReactNode;
}) {
  const hydrated = useHydrated();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useFetcher<StepActionData>();
  const [revision, setRevision] = useState(initialRevision);
  const [savedAt, setSavedAt] = useState(initialSavedAt);
  const [conflict, setConflict] = useState(initialConflict);
  const [autosaveError, setAutosaveError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const dirty = useRef(false);

  // Typed before the page's scripts ran (a slow connection): what the inputs hold wins over what was
  // loaded, and is saved as soon as the scripts run.
  const [values] = useState(() => typedBeforeHydration(step, loaded));
  const { register, control, watch, formState } = useForm<Values>({
    defaultValues: values,
    resolver: zodResolver(stepSchema(step)) as never,
    mode: "onBlur",
  });

  useEffect(() => setRevision(initialRevision), [initialRevision]);

  useEffect(() => {
    const data = fetcher.data;
    if (!data) return;
    if (data.kind === "saved") {
      setRevision(data.revision);
      setSavedAt(data.savedAt);
      setAutosaveError(null);
    } else if (data.kind === "conflict") {
      setConflict({ by: data.by, at: data.at });
    } else {
      setAutosaveError(data.message);
    }
  }, [fetcher.data]);

  const formData = useCallback((intent: string) => {
    const form = formRef.current;
    if (!form) return null;
    const data = new FormData(form);
    data.set("intent", intent);
    return data;
  }, []);

  const save = useCallback(() => {
    clearTimeout(timer.current);
    const data = formData("autosave");
    if (!data || conflict) return;
    dirty.current = false;
    fetcher.submit(data, { method: "post" });
  }, [conflict, fetcher, formData]);

  useEffect(() => {
    markHydrated();
    if (!sameAnswers(step, values, loaded)) {
      dirty.current = true;
      timer.current = setTimeout(save, 0);
    }
    // Once, with what was there when the scripts took over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A moment after each change.
  useEffect(() => {
    const subscription = watch(() => {
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [watch, save]);

  // On leaving the step (another step, another page, closing the tab): what is pending is sent at once.
  useEffect(() => {
    const flush = () => {
      if (!dirty.current || conflict) return;
      const data = formData("autosave");
      const form = formRef.current;
      if (!data || !form) return;
      dirty.current = false;
      clearTimeout(timer.current);
      void fetch(form.action, { method: "POST", body: data, keepalive: true, credentials: "same-origin" });
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [conflict, formData]);

  const watched = watch();
  const clientErrors = formState.errors;
  const errorOf = (path: string) => errorMessage(clientErrors, path) ?? serverErrors[path];
  const summaryErrors = Object.fromEntries(
    Object.entries(serverErrors).map(([path, message]) => [path, message]),
  );
  const domIdOf = (path: string) => {
    const parts = path.split(".");
    return parts.length === 3 ? fieldDomId(parts[2]!, Number(parts[1]), parts[0]) : fieldDomId(path);
  };
  const labelOf = (path: string) => {
    const parts = path.split(".");
    const item = step.items.find((candidate) => candidate.name === parts[0]);
    if (!item) return path;
    if (isList(item)) {
      const field = item.fields.find((candidate) => candidate.name === parts[2]);
      return `${item.label}, ligne ${Number(parts[1]) + 1} — ${field?.label ?? ""}`;
    }
    return item.label;
  };

  return (
    <Form
      method="post"
      ref={formRef}
      id={STEP_FORM_ID}
      data-step={step.id}
      noValidate
      className="dossier-form"
      aria-describedby="enregistrement"
    >
      <ErrorSummary
        errors={summaryErrors}
        labels={Object.fromEntries(Object.keys(summaryErrors).map((path) => [path, labelOf(path)]))}
        fieldId={domIdOf}
      />
      {conflict ? (
        <div className="notice notice--warning" role="alert">
          <h2 className="notice__title">Ce dossier a été modifié par une autre personne</h2>
          <p>
            {conflict.by} a enregistré ce dossier le {conflict.at}, pendant que vous le remplissiez. Vos
            saisies de cette étape n’ont pas été enregistrées : elles sont toujours dans le formulaire
            ci-dessous.
          </p>
          <p>
            Vous pouvez <a href={location.pathname}>afficher la version enregistrée</a> (vos saisies seront
            perdues) ou enregistrer votre version à la place de la sienne.
          </p>
          <button type="submit" name="intent" value="overwrite" className="button button--secondary">
            Enregistrer ma version
          </button>
        </div>
      ) : null}
      <input type="hidden" name="revision" value={revision} />
      {step.intro ? <p className="step__intro">{step.intro}</p> : null}

      {step.items.map((item) =>
        isList(item) ? (
          <RowsGroup
            key={item.name}
            list={item}
            rows={(values[item.name] as RawRow[] | undefined) ?? []}
            hydrated={hydrated}
            control={control}
            register={register}
            errorOf={errorOf}
            watched={watched}
          />
        ) : hydrated && !isShown(item, watched) ? null : (
          <FieldInput
            key={item.name}
            field={item}
            name={item.name}
            id={fieldDomId(item.name)}
            value={typeof values[item.name] === "string" ? (values[item.name] as string) : ""}
            error={errorOf(item.name)}
            register={register as UseFormRegister<Values>}
          />
        ),
      )}

      {children?.(watched)}

      <p id="enregistrement" className="save-status" role="status" aria-live="polite">
        {fetcher.state !== "idle"
          ? "Enregistrement…"
          : autosaveError
            ? autosaveError
            : savedAt
              ? `Enregistré à ${savedAt}`
              : hydrated
                ? "Vos saisies sont enregistrées automatiquement."
                : null}
      </p>
      <div className="form-actions">
        <button type="submit" name="intent" value="next" className="button">
          {isLast ? "Enregistrer et passer aux pièces justificatives" : "Enregistrer et continuer"}
        </button>
        <button type="submit" name="intent" value="save" className="button button--secondary">
          Enregistrer
        </button>
      </div>
    </Form>
  );
}
