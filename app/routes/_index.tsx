import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Portail ESS Centre-Val de Loire" }];

export default function Index() {
  return (
    <main id="contenu">
      <h1>Financer un projet de l’économie sociale et solidaire</h1>
    </main>
  );
}
