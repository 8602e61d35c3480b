// The kinds of value an environment variable holds, as zod schemas with their French messages: the
// configuration's schema (env.server.ts) is written with them.
import { z } from "zod";

/** Unset and empty are the same: an empty variable takes its default. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const integer = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  optional(
    z
      .string()
      .refine((value) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max, {
        message: `${name} doit être un nombre entier${max === Number.MAX_SAFE_INTEGER ? ` supérieur ou égal à ${min}` : ` entre ${min} et ${max}`}`,
      })
      .transform(Number),
  );

const TRUE = ["true", "1", "yes", "oui", "on"];
const FALSE = ["false", "0", "no", "non", "off"];
export const boolean = (name: string) =>
  optional(
    z
      .string()
      .refine((value) => [...TRUE, ...FALSE].includes(value.trim().toLowerCase()), {
        message: `${name} doit valoir true ou false (ou 1 ou 0)`,
      })
      .transform((value) => TRUE.includes(value.trim().toLowerCase())),
  );

export const url = (name: string, protocols: readonly string[]) =>
  optional(
    z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      {
        message: `${name} doit être une adresse ${protocols.map((p) => p.replace(":", "://…")).join(" ou ")}`,
      },
    ),
  );

export const text = optional(z.string());
