import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";

import { SiteFooter, SiteHeader } from "~/components/site-header";
import { useNonce } from "~/nonce";
import { getOptionalUser } from "~/session.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: "Portail ESS Centre-Val de Loire" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404
      ? "Page introuvable"
      : status === 403
        ? "Accès refusé"
        : status === 503
          ? "Service momentanément indisponible"
          : "Une erreur est survenue";
  return [{ title: `${title} — Portail ESS Centre-Val de Loire` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return {
    user: user
      ? {
          firstName: user.firstName,
          lastName: user.lastName,
          role: user.role,
          emailVerified: user.emailVerified,
        }
      : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // In the error boundary the loader may have failed: the header then shows the signed-out navigation.
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader user={data?.user ?? null} />
        <main id="contenu" tabIndex={-1} className="main">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorPage title="Page introuvable">
        <p>La page que vous cherchez n’existe pas ou a été déplacée.</p>
        <ul>
          <li>
            <Link to="/">Revenir à l’accueil</Link>
          </li>
          <li>
            <Link to="/dispositifs">Voir les dispositifs de financement</Link>
          </li>
        </ul>
      </ErrorPage>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <ErrorPage title="Accès refusé">
        <p>Vous n’avez pas accès à cette page avec votre compte.</p>
        <p>
          <Link to="/">Revenir à l’accueil</Link>
        </p>
      </ErrorPage>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 503) {
    // The database is away (restart, maintenance): nothing the person did was wrong. A form sent just then
    // may or may not have been recorded (the answer can be lost after the commit), never half of it.
    return (
      <ErrorPage title="Service momentanément indisponible">
        <p>
          Le portail ne peut pas joindre sa base de données pour le moment. Réessayez dans quelques instants.
        </p>
        <p>
          Si vous envoyiez un formulaire, rien n’a été enregistré à moitié : rechargez la page pour voir s’il
          a été pris en compte avant de l’envoyer à nouveau.
        </p>
        <p>
          <Link to="/">Revenir à l’accueil</Link>
        </p>
      </ErrorPage>
    );
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <ErrorPage title="Demande impossible">
        <p>{typeof error.data === "string" ? error.data : "La demande n’a pas pu être traitée."}</p>
      </ErrorPage>
    );
  }
  return (
    <ErrorPage title="Une erreur est survenue">
      <p>
        Le service a rencontré un problème. Réessayez dans quelques instants ; si le problème persiste,
        contactez-nous.
      </p>
      <p>
        <Link to="/">Revenir à l’accueil</Link>
      </p>
    </ErrorPage>
  );
}

function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="narrow">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
