// Reading what a browser posted. A body that is not a form (a script posting JSON, a broken upload) is bad
// input: it is answered 400 with a French message, never 500.
export const UNREADABLE_FORM_MESSAGE =
  "Le formulaire envoyé n’a pas pu être lu : rechargez la page et réessayez.";

export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response(UNREADABLE_FORM_MESSAGE, { status: 400, statusText: "Requête invalide" });
  }
}

/** The 400 answer to a post whose `intent` the page does not offer (a stale page, a forged request). */
export function unknownIntent(): Response {
  return new Response("Cette action n’est pas reconnue\u202f: rechargez la page et réessayez.", {
    status: 400,
  });
}
