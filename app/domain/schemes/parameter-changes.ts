// What a coming version of a scheme's rules changes, in words, for the public page's announcement
// (« À partir du 01/02/2027 : montant maximal 20 000 € → 30 000 € »).
import type { SchemeCode } from "~/generated/prisma/enums";

import type { RuleSetParametersByScheme } from "./index";
import { describeParameters } from "./parameter-form";

export interface ParameterChange {
  label: string;
  before: string;
  after: string;
}

const inWords = (value: string | string[]) => (Array.isArray(value) ? value.join(", ") || "—" : value);

/** Each parameter whose value differs between the version in force and the next, in the form's order. */
export function parameterChanges<C extends SchemeCode>(
  code: C,
  current: RuleSetParametersByScheme[C],
  next: RuleSetParametersByScheme[C],
): ParameterChange[] {
  const before = new Map(
    describeParameters(code, current).flatMap((group) =>
      group.items.map((item) => [item.name, item] as const),
    ),
  );
  return describeParameters(code, next).flatMap((group) =>
    group.items.flatMap((item) => {
      const was = before.get(item.name);
      const wasText = was ? inWords(was.value) : "—";
      const isText = inWords(item.value);
      return wasText === isText ? [] : [{ label: item.label, before: wasText, after: isText }];
    }),
  );
}
