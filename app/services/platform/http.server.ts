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
