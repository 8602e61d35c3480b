import { htmlErrors } from "./html-validity";

/** The pages the suite visited pass the Nu Html Checker, as sent and after hydration. */
export default async function globalTeardown(): Promise<void> {
  const errors = await htmlErrors();
  if (errors.length > 0) {
    throw new Error(`Le Nu Html Checker trouve ${errors.length} erreur(s) :\n${errors.join("\n")}`);
  }
}
