// A repeated group of a dossier step (jobs, expenses, partners): rows added and removed by posting without
// JavaScript, in place with it (react-hook-form's field array).
import { useFieldArray, type Control, type UseFormRegister } from "react-hook-form";

import { fieldDomId, isShown, type FieldDef, type ListDef, type RawRow } from "~/domain/dossier-forms";

import { FieldInput } from "./field-input";

type Values = Record<string, unknown>;

export function RowsGroup({
  list,
  rows,
  hydrated,
  control,
  register,
  errorOf,
  watched,
}: {
  list: ListDef;
  rows: RawRow[];
  hydrated: boolean;
  control: Control<Values>;
  register: UseFormRegister<Values>;
  errorOf: (path: string) => string | undefined;
  watched: Values;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: list.name as never });
  const shown = hydrated ? fields : rows.map((row, index) => ({ ...row, id: String(index) }));
  const emptyRow = Object.fromEntries(list.fields.map((field) => [field.name, ""]));
  const itemName = list.itemLabel.replace(/^(un|une) /, "");
  const watchedRows = (watched[list.name] as RawRow[] | undefined) ?? [];
  return (
    <fieldset className="rows" id={`liste-${list.name}`} tabIndex={-1}>
      <legend className="rows__legend">{list.label}</legend>
      {list.hint ? <p className="field__hint">{list.hint}</p> : null}
      {shown.length === 0 ? <p className="rows__empty">Aucune ligne pour le moment.</p> : null}
      {shown.map((row, index) => {
        const rowValues = (hydrated ? watchedRows[index] : rows[index]) ?? {};
        return (
          <fieldset className="rows__row" key={row.id}>
            <legend>
              {capital(itemName)} {index + 1}
            </legend>
            {list.fields.map((field: FieldDef) =>
              hydrated && !isShown(field, rowValues) ? null : (
                <FieldInput
                  key={field.name}
                  field={field}
                  name={`${list.name}.${index}.${field.name}`}
                  id={fieldDomId(field.name, index, list.name)}
                  value={String((row as Record<string, unknown>)[field.name] ?? "")}
                  error={errorOf(`${list.name}.${index}.${field.name}`)}
                  register={hydrated ? register : undefined}
                />
              ),
            )}
            <button
              type={hydrated ? "button" : "submit"}
              name={hydrated ? undefined : "intent"}
              value={hydrated ? undefined : `remove:${list.name}:${index}`}
              className="button button--tertiary"
              onClick={hydrated ? () => remove(index) : undefined}
            >
              Retirer cette ligne
              <span className="visually-hidden">
                {" "}
                ({capital(itemName)} {index + 1})
              </span>
            </button>
          </fieldset>
        );
      })}
      {shown.length < list.maxItems ? (
        <button
          type={hydrated ? "button" : "submit"}
          name={hydrated ? undefined : "intent"}
          value={hydrated ? undefined : `add:${list.name}`}
          className="button button--secondary"
          onClick={hydrated ? () => append(emptyRow as never) : undefined}
        >
          {list.addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}

function capital(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
