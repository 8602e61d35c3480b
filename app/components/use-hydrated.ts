import { useEffect, useState } from "react";

/** False on the server's render and until React takes over in the browser: what works without JavaScript. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
