import { data } from "@remix-run/node";

import { isUserError } from "~/domain/user-error";

// Reading what a browser posted. A body that is not a form (a script posting JSON, a broken upload) is bad
// input: it is answered 400 with a French message, never 500.
export const UNREADABLE_FORM_MESSAGE =
  "Le formulaire envoyé n’a pas pu être lu : rechargez la page et réessayez.";

export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response(UNREADABLE_FORM_MESSAGE, { status: 400, statusText: "Requête invalide" });
  }
  return withoutNulCharacters(form);
}

/**
 * The form with every NUL character taken out of its names and text values. PostgreSQL cannot store one
 * in a text or JSON column (the write fails, a 500) and no keyboard types one: it only comes from a forged
 * request or a paste from a binary file, and dropping it loses nothing the person meant to write.
 */
export function withoutNulCharacters(form: FormData): FormData {
  let found = false;
  for (const [name, value] of form) {
    if (name.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) found = true;
  }
  if (!found) return form;
  const cleaned = new FormData();
  for (const [name, value] of form) {
    const key = name.replaceAll("\u0000", "");
    if (typeof value === "string") cleaned.append(key, value.replaceAll("\u0000", ""));
    else cleaned.append(key, value);
  }
  return cleaned;
}

/** The 400 answer to a post whose `intent` the page does not offer (a stale page, a forged request). */
export function unknownIntent(): Response {
  return new Response("Cette action n’est pas reconnue\u202f: rechargez la page et réessayez.", {
    status: 400,
  });
}

/** Refusals of the page itself rather than of what was typed: answered with the error page, not the form. */
const PAGE_REFUSALS = new Set([403, 404, 410]);

/**
 * The answer to a refused form: the UserError's field errors (or its message as the whole form's error),
 * with its status, beside what the page sends back (`values`, `intent`…). A 403, 404 or 410 is the error
 * page, as from a loader; anything else is rethrown: not a refusal but a fault, answered 500 (or 503).
 */
export function replyTo<R extends { intent?: string; values?: unknown }>(
  error: unknown,
  result: R = {} as R,
) {
  if (!isUserError(error)) throw error;
  if (PAGE_REFUSALS.has(error.status)) throw errorResponse(error);
  const errors = Object.keys(error.fieldErrors).length > 0 ? error.fieldErrors : { form: error.message };
  return data({ ...result, errors }, { status: error.status });
}

/** A UserError as the Response the error page shows (its French message and status); anything else as is. */
export function errorResponse(error: unknown): unknown {
  if (!isUserError(error)) return error;
  return new Response(error.message, { status: error.status });
}

type Handler = (args: never) => unknown;
type RouteModules = Record<string, { module: { loader?: Handler; action?: Handler } }>;

/**
 * The server build with every route's loader and action answering a UserError they let through with its
 * status and French message, as a thrown Response: the one place a refusal becomes the error page (server.mjs
 * serves this build; the route tests call `errorResponse` the same way).
 */
export function withUserErrors<B extends { routes: RouteModules }>(build: B): B {
  const wrap = <H extends Handler>(handler: H): H =>
    (async (args: never) => {
      try {
        return await handler(args);
      } catch (error) {
        throw errorResponse(error);
      }
    }) as unknown as H;
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      {
        ...route,
        module: {
          ...route.module,
          ...(route.module.loader ? { loader: wrap(route.module.loader) } : {}),
          ...(route.module.action ? { action: wrap(route.module.action) } : {}),
        },
      },
    ]),
  );
  return { ...build, routes };
}
