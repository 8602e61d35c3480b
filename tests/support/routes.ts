// Calling loaders and actions directly, as a browser would reach them: the arguments Remix passes them, a
// signed-in user's session cookie, and what the call answers whether it returns or throws.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import type { PrismaClient } from "~/generated/prisma/client";
import { errorResponse } from "~/services/platform/http.server";

import { formRequest, getRequest } from "./requests";

type Params = LoaderFunctionArgs["params"];

/** A loader's arguments for a GET of `url`, signed in with `cookie` (from `cookieOf`) or signed out. */
export function get(url: string, cookie?: string, params: Params = {}): LoaderFunctionArgs {
  return { request: getRequest(url, { cookie }), params, context: {} } as unknown as LoaderFunctionArgs;
}

/** An action's arguments for a form POSTed to `url`; repeated fields are given as arrays. */
export function post(
  url: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
  params: Params = {},
): ActionFunctionArgs {
  return {
    request: formRequest(url, fields, { cookie }),
    params,
    context: {},
  } as unknown as ActionFunctionArgs;
}

/**
 * The `Cookie` header of a new session of a user, given by id or by e-mail address. The app's modules are
 * imported here, when called, so that they bind the database the test has put in `globalThis.__database`.
 */
export async function cookieOf(db: PrismaClient, user: string | { email: string }): Promise<string> {
  const { sessionCookie } = await import("~/session.server");
  const { createSession } = await import("~/services/accounts/sessions.server");
  const userId =
    typeof user === "string" ? user : (await db.user.findUniqueOrThrow({ where: { email: user.email } })).id;
  return (await sessionCookie.serialize(await createSession(db, userId))).split(";")[0]!;
}

export interface Outcome {
  status: number;
  /** A Response's body (bytes read as UTF-8, so a CSV's byte-order mark is kept), else the data as JSON. */
  text: string;
  /** The data returned (`data(…)` unwrapped); undefined for a Response. */
  body?: unknown;
  /** A Response's `Location` header, if any. */
  location?: string;
}

/**
 * What a loader or action answers: its status — thrown Responses and `data(…, { status })` included — with
 * its redirect and its payload.
 */
export async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  const read = async (response: Response): Promise<Outcome> => ({
    status: response.status,
    text: Buffer.from(await response.arrayBuffer()).toString("utf8"),
    location: response.headers.get("Location") ?? undefined,
  });
  try {
    const value = await promise;
    if (value instanceof Response) return await read(value);
    if (value && typeof value === "object" && "type" in value && value.type === "DataWithResponseInit") {
      const { data, init } = value as unknown as { data: unknown; init: ResponseInit | null };
      return { status: init?.status ?? 200, text: JSON.stringify(data), body: data };
    }
    return { status: 200, text: JSON.stringify(value), body: value };
  } catch (error) {
    // What the server makes of a refusal a route lets through (withUserErrors, served by server.mjs).
    const thrown = errorResponse(error);
    if (thrown instanceof Response) return read(thrown);
    throw thrown;
  }
}

/** A service call's refusal as the server answers it (a UserError becomes its Response), anything else as is. */
export function asServed<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw errorResponse(error);
  });
}
