/** What the dossier page's action answers when a form is refused. */
export type OverviewActionResult = {
  intent: string;
  errors: Partial<Record<"body" | "attachments" | "form", string>>;
  values: { body?: string };
  hadFiles?: boolean;
};
