import { resetHtmlArchive } from "./html-validity";

export default async function globalSetup(): Promise<void> {
  await resetHtmlArchive();
}
