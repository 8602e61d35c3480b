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
