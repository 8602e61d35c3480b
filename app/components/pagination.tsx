import { Link } from "@remix-run/react";

/** The pages around the current one, with the first and the last always reachable. */
function visiblePages(page: number, pageCount: number): Array<number | "…"> {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const sorted = [...pages].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const result: Array<number | "…"> = [];
  for (const n of sorted) {
    const last = result.at(-1);
    if (typeof last === "number" && n - last > 1) result.push("…");
    result.push(n);
  }
  return result;
}

/**
 * « Page précédente · … · Page suivante ». Between the two, either links to the pages around the current
 * one (`numbered`, for long lists one jumps around in) or just « Page 2 sur 5 ».
 */
export function Pagination({
  page,
  pageCount,
  href,
  numbered = false,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  numbered?: boolean;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev">
              Page précédente
            </Link>
          </li>
        ) : null}
        {numbered ? (
          visiblePages(page, pageCount).map((item, index) =>
            item === "…" ? (
              <li key={`gap-${index}`} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={item}>
                <Link to={href(item)} aria-current={item === page ? "page" : undefined}>
                  <span className="visually-hidden">Page </span>
                  {item}
                </Link>
              </li>
            ),
          )
        ) : (
          <li aria-current="page">
            Page {page} sur {pageCount}
          </li>
        )}
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1)} rel="next">
              Page suivante
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
