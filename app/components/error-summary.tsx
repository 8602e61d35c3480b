import { useEffect, useRef } from "react";

/**
 * The list of a form's errors, shown above it after a failed submission; each links to its field.
 * It takes focus so keyboard and screen-reader users learn at once what to fix.
 */
export function ErrorSummary({
  errors,
  labels = {},
  fieldId = (field) => field,
}: {
  errors: Record<string, string> | undefined;
  labels?: Record<string, string>;
  /** The id of the input a field's error links to; `undefined` shows the message without a link. */
  fieldId?: (field: string) => string | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const count = entries.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [errors, count]);
  if (count === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {count === 1 ? "Le formulaire contient 1 erreur" : `Le formulaire contient ${count} erreurs`}
      </h2>
      <ul>
        {entries.map(([field, message]) => {
          const id = field === "form" ? undefined : fieldId(field);
          const text = labels[field] ? `${labels[field]} : ${message}` : message;
          return <li key={field}>{id ? <a href={`#${id}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </div>
  );
}
