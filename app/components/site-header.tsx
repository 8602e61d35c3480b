import { Form, Link, NavLink } from "@remix-run/react";

import { fullName } from "~/domain/people";
import { ROLE_SPACES } from "~/domain/roles";
import type { UserRole } from "~/generated/prisma/enums";

export interface HeaderUser {
  firstName: string;
  lastName: string;
  role: UserRole;
  emailVerified: boolean;
}

type NavItem = { to: string; label: string; end?: boolean };

const NAVIGATION: Record<UserRole | "GUEST", NavItem[]> = {
  GUEST: [
    { to: "/", label: "Accueil", end: true },
    { to: "/dispositifs", label: "Les dispositifs" },
    { to: "/eligibilite", label: "Vérifier mon éligibilité" },
    { to: "/indicateurs", label: "Chiffres clés" },
    { to: "/connexion", label: "Se connecter" },
    { to: "/inscription", label: "Créer un compte" },
  ],
  APPLICANT: [
    { to: "/espace", label: "Mon espace" },
    { to: "/dispositifs", label: "Les dispositifs" },
    { to: "/eligibilite", label: "Mon éligibilité" },
    { to: "/indicateurs", label: "Chiffres clés" },
    { to: "/compte", label: "Mon compte" },
  ],
  // Region staff take part in the funders' community: they see its positions, discussions and reviews.
  INSTRUCTOR: [
    { to: "/instruction", label: "Instruction" },
    { to: "/financeurs", label: "Espace financeurs" },
    { to: "/compte", label: "Mon compte" },
  ],
  FUNDER: [
    { to: "/financeurs", label: "Espace financeurs" },
    { to: "/compte", label: "Mon compte" },
  ],
  // Admins supervise instruction too: they alone reopen a closed dossier.
  ADMIN: [
    { to: "/admin", label: "Administration" },
    { to: "/instruction", label: "Instruction" },
    { to: "/financeurs", label: "Espace financeurs" },
    { to: "/compte", label: "Mon compte" },
  ],
};

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const items = NAVIGATION[user?.role ?? "GUEST"];
  return (
    <header className="site-header">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__name">Portail ESS Centre-Val de Loire</span>
          <span className="brand__tagline">Financements de l’économie sociale et solidaire</span>
        </Link>
        {user ? (
          <p className="site-header__user">
            {fullName(user)}
            <span className="site-header__role"> — {ROLE_SPACES[user.role]}</span>
          </p>
        ) : null}
      </div>
      <nav aria-label="Navigation principale" className="main-nav">
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            </li>
          ))}
          {user ? (
            <li>
              <Form method="post" action="/deconnexion">
                <button type="submit" className="link-button">
                  Se déconnecter
                </button>
              </Form>
            </li>
          ) : null}
        </ul>
      </nav>
      {user && !user.emailVerified ? (
        <div className="banner" role="status">
          Confirmez votre adresse e-mail grâce au lien que nous vous avons envoyé.{" "}
          <Link to="/compte">Renvoyer le lien</Link>
        </div>
      ) : null}
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <ul>
        <li>
          <Link to="/accessibilite">Accessibilité&nbsp;: non conforme</Link>
        </li>
        <li>
          <Link to="/indicateurs">Chiffres clés</Link>
        </li>
        <li>
          <Link to="/mentions-legales">Mentions légales</Link>
        </li>
        <li>
          <Link to="/donnees-personnelles">Données personnelles</Link>
        </li>
        <li>
          <a href="https://www.centre-valdeloire.fr/">Région Centre-Val de Loire</a>
        </li>
      </ul>
      <p>Un service de la Région Centre-Val de Loire, logiciel libre.</p>
    </footer>
  );
}
