// The organisation's profile as members who are not owners see it: read only.
import { legalFormLabel } from "~/domain/legal-forms";
import type { LegalForm } from "~/generated/prisma/enums";

const longDate = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" });

export interface OrganisationProfileData {
  name: string;
  legalForm: LegalForm;
  siret: string | null;
  rnaNumber: string | null;
  esusApproved: boolean;
  esusApprovalDate: Date | string | null;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  department: { name: string } | null;
  legalRepresentativeName: string | null;
  legalRepresentativeRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  iban: string | null;
  bic: string | null;
}

/** IBAN in groups of four, as bank statements print it. */
const formatIban = (iban: string) => iban.replace(/(.{4})/g, "$1 ").trim();

/** 14 digits grouped as INSEE prints them: 732 829 320 00074. */
function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1\u00a0$2\u00a0$3\u00a0$4");
}

export function OrganisationProfile({ organisation }: { organisation: OrganisationProfileData }) {
  const notGiven = "Non renseigné";
  const rows: Array<[string, string]> = [
    ["Forme juridique", legalFormLabel(organisation.legalForm)],
    ["Numéro SIRET", organisation.siret ? formatSiret(organisation.siret) : notGiven],
    ["Numéro RNA", organisation.rnaNumber ?? notGiven],
    [
      "Agrément ESUS",
      organisation.esusApproved
        ? `Oui${organisation.esusApprovalDate ? `, depuis le ${longDate.format(new Date(organisation.esusApprovalDate))}` : ""}`
        : "Non",
    ],
    [
      "Siège",
      [organisation.addressLine, [organisation.postcode, organisation.city].filter(Boolean).join(" ")]
        .filter(Boolean)
        .join(", ") || notGiven,
    ],
    ["Département", organisation.department?.name ?? notGiven],
    [
      "Représentant·e légal·e",
      [organisation.legalRepresentativeName, organisation.legalRepresentativeRole]
        .filter(Boolean)
        .join(", ") || notGiven,
    ],
    ["Adresse électronique de contact", organisation.contactEmail ?? notGiven],
    ["Téléphone", organisation.contactPhone ?? notGiven],
    ["IBAN", organisation.iban ? formatIban(organisation.iban) : notGiven],
    ["BIC", organisation.bic ?? notGiven],
  ];
  return (
    <>
      <p>Seul·es les responsables de l’organisation peuvent modifier ces informations.</p>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
