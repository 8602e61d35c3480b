import type { PrismaClient } from "../../app/generated/prisma/client";
import { LegalForm, MembershipRole } from "../../app/generated/prisma/enums";
import { paris } from "../paris-time";

import type { DemoAccountKey } from "./accounts";
import { demoFrenchIban, demoSiret } from "./identifiers";

interface DemoOrganisation {
  name: string;
  legalForm: LegalForm;
  /** Null for a group of employees whose cooperative is not registered yet. */
  siret: string | null;
  rnaNumber?: string;
  esusApprovalDate?: Date;
  addressLine: string;
  postcode: string;
  city: string;
  departmentCode: string;
  legalRepresentativeName: string;
  legalRepresentativeRole: string;
  contactEmail: string;
  /** Numbers from the range ARCEP reserves for fiction (02 61 91 xx xx). */
  contactPhone: string;
  iban?: string;
  owner: DemoAccountKey;
  members?: DemoAccountKey[];
}

const org = (value: DemoOrganisation) => value;

export const DEMO_ORGANISATIONS = {
  cyclopostiersAssociation: org({
    name: "Les Cyclopostiers",
    legalForm: LegalForm.ASSOCIATION,
    siret: demoSiret("84123567", "0001"),
    rnaNumber: "W452012345",
    addressLine: "8 rue de la Charpenterie",
    postcode: "45000",
    city: "Orléans",
    departmentCode: "45",
    legalRepresentativeName: "Camille Martin",
    legalRepresentativeRole: "Président",
    contactEmail: "porteur@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 01",
    iban: demoFrenchIban("42559", "10000", "08012345601"),
    owner: "applicant",
  }),
  cyclopostiersScop: org({
    name: "Les Cyclopostiers SCOP",
    legalForm: LegalForm.SCOP,
    siret: demoSiret("91245378", "0001"),
    addressLine: "15 rue du Faubourg Bannier",
    postcode: "45000",
    city: "Orléans",
    departmentCode: "45",
    legalRepresentativeName: "Léa Dubois",
    legalRepresentativeRole: "Gérante",
    contactEmail: "porteuse@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 02",
    iban: demoFrenchIban("42559", "10000", "08012345602"),
    owner: "applicantCooperative",
    members: ["applicant"],
  }),
  berryEnergies: org({
    name: "SCIC Berry Énergies Citoyennes",
    legalForm: LegalForm.SCIC,
    siret: demoSiret("88213476", "0001"),
    esusApprovalDate: paris("2021-05-17"),
    addressLine: "23 avenue Jean Jaurès",
    postcode: "18000",
    city: "Bourges",
    departmentCode: "18",
    legalRepresentativeName: "Hugo Renard",
    legalRepresentativeRole: "Président du directoire",
    contactEmail: "berry-energies@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 03",
    iban: demoFrenchIban("42559", "10000", "08012345603"),
    owner: "applicantCooperative",
  }),
  coopactionTouraine: org({
    name: "Coopaction Touraine",
    legalForm: LegalForm.CAE,
    siret: demoSiret("50347812", "0002"),
    addressLine: "40 rue Édouard Vaillant",
    postcode: "37000",
    city: "Tours",
    departmentCode: "37",
    legalRepresentativeName: "Amina Haddad",
    legalRepresentativeRole: "Gérante",
    contactEmail: "coopaction@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 04",
    iban: demoFrenchIban("42559", "10000", "08012345604"),
    owner: "applicantCooperative",
  }),
  menuisiersVendomois: org({
    name: "Collectif des salariés des Menuiseries du Vendômois",
    legalForm: LegalForm.EMPLOYEE_GROUP,
    siret: null,
    addressLine: "Zone artisanale des Tuileries",
    postcode: "41100",
    city: "Vendôme",
    departmentCode: "41",
    legalRepresentativeName: "Olivier Perrin",
    legalRepresentativeRole: "Porte-parole des salariés repreneurs",
    contactEmail: "menuisiers-vendomois@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 05",
    owner: "applicantCooperative",
  }),
  grenierSolidaire: org({
    name: "Le Grenier Solidaire",
    legalForm: LegalForm.ESS_COMPANY,
    siret: demoSiret("83765021", "0001"),
    esusApprovalDate: paris("2019-09-02"),
    addressLine: "12 rue du Grand Faubourg",
    postcode: "28000",
    city: "Chartres",
    departmentCode: "28",
    legalRepresentativeName: "Chloé Lambert",
    legalRepresentativeRole: "Présidente (SAS agréée ESUS)",
    contactEmail: "grenier-solidaire@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 06",
    iban: demoFrenchIban("14806", "28000", "72012345606"),
    owner: "applicantCooperative",
  }),
  communeValencay: org({
    name: "Commune de Valençay",
    legalForm: LegalForm.LOCAL_AUTHORITY,
    // Commune SIRENs are 21 + department + 0 + commune number (INSEE 36228) + key.
    siret: demoSiret("21360228", "0001"),
    addressLine: "Mairie, place de l’Hôtel de ville",
    postcode: "36600",
    city: "Valençay",
    departmentCode: "36",
    legalRepresentativeName: "Martine Roux",
    legalRepresentativeRole: "Maire",
    contactEmail: "mairie-valencay@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 07",
    // Public bodies are paid on their Treasury account, held at the Banque de France (bank code 30001).
    iban: demoFrenchIban("30001", "00436", "36228000001"),
    owner: "applicantCooperative",
  }),
  syndicatLaChatre: org({
    name: "Syndicat mixte du Pays de La Châtre en Berry",
    legalForm: LegalForm.PUBLIC_ESTABLISHMENT,
    siret: demoSiret("25360512", "0001"),
    addressLine: "4 place de l’Hôtel de ville",
    postcode: "36400",
    city: "La Châtre",
    departmentCode: "36",
    legalRepresentativeName: "Bernard Michaud",
    legalRepresentativeRole: "Président du syndicat mixte",
    contactEmail: "pays-la-chatre@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 08",
    iban: demoFrenchIban("30001", "00436", "36400000001"),
    owner: "applicantCooperative",
  }),
  sportSanteBerry: org({
    name: "Sport Santé Berry",
    legalForm: LegalForm.ASSOCIATION,
    siret: demoSiret("79043218", "0001"),
    rnaNumber: "W181002345",
    addressLine: "5 rue Porte Mutin",
    postcode: "18200",
    city: "Saint-Amand-Montrond",
    departmentCode: "18",
    legalRepresentativeName: "Karim Benali",
    legalRepresentativeRole: "Président",
    contactEmail: "sport-sante-berry@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 09",
    iban: demoFrenchIban("14806", "18000", "72012345609"),
    owner: "applicantCooperative",
  }),
  treteauxDeLoire: org({
    name: "Compagnie Les Tréteaux de Loire",
    legalForm: LegalForm.ASSOCIATION,
    siret: demoSiret("42318956", "0002"),
    rnaNumber: "W372004567",
    addressLine: "9 rue Colbert",
    postcode: "37000",
    city: "Tours",
    departmentCode: "37",
    legalRepresentativeName: "Élise Fournier",
    legalRepresentativeRole: "Présidente",
    contactEmail: "treteaux-de-loire@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 10",
    iban: demoFrenchIban("42559", "10000", "08012345610"),
    owner: "applicantCooperative",
  }),
  mjcNogent: org({
    name: "Maison des jeunes et de la culture de Nogent-le-Rotrou",
    legalForm: LegalForm.ASSOCIATION,
    siret: demoSiret("77561234", "0001"),
    rnaNumber: "W282001234",
    addressLine: "2 rue de Sully",
    postcode: "28400",
    city: "Nogent-le-Rotrou",
    departmentCode: "28",
    legalRepresentativeName: "Patrick Leroy",
    legalRepresentativeRole: "Président",
    contactEmail: "mjc-nogent@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 11",
    iban: demoFrenchIban("14806", "28000", "72012345611"),
    owner: "applicantCooperative",
  }),
  ateliersRomorantinais: org({
    name: "Les Ateliers du Romorantinais",
    legalForm: LegalForm.ASSOCIATION,
    siret: demoSiret("81234509", "0001"),
    rnaNumber: "W412003456",
    addressLine: "17 avenue de Paris",
    postcode: "41200",
    city: "Romorantin-Lanthenay",
    departmentCode: "41",
    legalRepresentativeName: "Sylvie Garnier",
    legalRepresentativeRole: "Présidente",
    contactEmail: "ateliers-romorantinais@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 12",
    iban: demoFrenchIban("42559", "10000", "08012345612"),
    owner: "applicantCooperative",
  }),
  tremplinEmploiTouraine: org({
    name: "Tremplin Emploi Touraine",
    legalForm: LegalForm.ASSOCIATION,
    siret: demoSiret("49876123", "0003"),
    rnaNumber: "W373001122",
    addressLine: "6 rue de la Gitonnière",
    postcode: "37300",
    city: "Joué-lès-Tours",
    departmentCode: "37",
    legalRepresentativeName: "Yann Morel",
    legalRepresentativeRole: "Président",
    contactEmail: "tremplin-emploi@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 13",
    iban: demoFrenchIban("42559", "10000", "08012345613"),
    owner: "applicantCooperative",
  }),
  brennePatrimoine: org({
    name: "Brenne Patrimoine Vivant",
    legalForm: LegalForm.ASSOCIATION,
    siret: demoSiret("80451236", "0001"),
    rnaNumber: "W362000789",
    addressLine: "1 rue du Nord",
    postcode: "36290",
    city: "Mézières-en-Brenne",
    departmentCode: "36",
    legalRepresentativeName: "Anne Chevalier",
    legalRepresentativeRole: "Présidente",
    contactEmail: "brenne-patrimoine@demo.portail-ess.fr",
    contactPhone: "02 61 91 00 14",
    iban: demoFrenchIban("14806", "36000", "72012345614"),
    owner: "applicantCooperative",
  }),
} satisfies Record<string, DemoOrganisation>;

export type DemoOrganisationKey = keyof typeof DEMO_ORGANISATIONS;
export type DemoOrganisationIds = Record<DemoOrganisationKey, string>;

/** Creates the missing demo organisations (keyed by SIRET, or by name for an unregistered group). */
export async function seedDemoOrganisations(
  db: PrismaClient,
  users: Record<DemoAccountKey, string>,
): Promise<DemoOrganisationIds> {
  const ids: Partial<DemoOrganisationIds> = {};
  for (const [key, organisation] of Object.entries(DEMO_ORGANISATIONS) as Array<
    [DemoOrganisationKey, DemoOrganisation]
  >) {
    const { owner, members = [], esusApprovalDate, ...fields } = organisation;
    const existing = fields.siret
      ? await db.organisation.findUnique({ where: { siret: fields.siret }, select: { id: true } })
      : await db.organisation.findFirst({
          where: { name: fields.name, legalForm: fields.legalForm, siret: null },
          select: { id: true },
        });
    const id =
      existing?.id ??
      (
        await db.organisation.create({
          data: {
            ...fields,
            esusApproved: Boolean(esusApprovalDate),
            esusApprovalDate: esusApprovalDate ?? null,
          },
          select: { id: true },
        })
      ).id;
    ids[key] = id;

    const roles: Array<[DemoAccountKey, MembershipRole]> = [
      [owner, MembershipRole.OWNER],
      ...members.map((member): [DemoAccountKey, MembershipRole] => [member, MembershipRole.MEMBER]),
    ];
    for (const [account, role] of roles) {
      await db.membership.upsert({
        where: { userId_organisationId: { userId: users[account], organisationId: id } },
        create: { userId: users[account], organisationId: id, role },
        update: {},
      });
    }
  }
  return ids as DemoOrganisationIds;
}
