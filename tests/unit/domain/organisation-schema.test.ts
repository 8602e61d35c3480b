import { describe, expect, it } from "vitest";

import { LEGAL_FORM_LABELS, LEGAL_FORMS, siretRequired } from "~/domain/legal-forms";
import {
  organisationFormSchema,
  organisationInRegion,
  type OrganisationFormValues,
} from "~/domain/organisation-schema";
import { LegalForm } from "~/generated/prisma/enums";

const association: OrganisationFormValues = {
  name: "  Les Cycloposteurs ",
  legalForm: "ASSOCIATION",
  siret: "732 829 320 00074",
  rnaNumber: "W452001234",
  addressLine: "12 rue de la Tour Neuve",
  postcode: "45000",
  city: "Orléans",
  legalRepresentativeName: "Camille Martin",
  legalRepresentativeRole: "Présidente",
  contactEmail: "Contact@Cycloposteurs.fr",
  contactPhone: "02 38 00 00 00",
};

/** Field → first message, as the form shows them. */
function errorsOf(values: Record<string, unknown>): Record<string, string> {
  const result = organisationFormSchema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("organisationFormSchema", () => {
  it("normalises a valid association and derives its department", () => {
    const parsed = organisationFormSchema.parse(association);
    expect(parsed).toMatchObject({
      name: "Les Cycloposteurs",
      legalForm: LegalForm.ASSOCIATION,
      siret: "73282932000074",
      rnaNumber: "W452001234",
      postcode: "45000",
      departmentCode: "45",
      contactEmail: "contact@cycloposteurs.fr",
      esusApproved: false,
      esusApprovalDate: null,
    });
  });

  it("lists every missing required field at once, in French", () => {
    const errors = errorsOf({ legalForm: "ASSOCIATION" });
    expect(Object.keys(errors).sort()).toEqual(
      [
        "addressLine",
        "city",
        "contactEmail",
        "legalRepresentativeName",
        "legalRepresentativeRole",
        "name",
        "postcode",
        "rnaNumber",
        "siret",
      ].sort(),
    );
    expect(errors.name).toBe("Indiquez le nom de l’organisation.");
    expect(errors.rnaNumber).toMatch(/W suivi de 9 chiffres/);
  });

  it("refuses an unknown legal form", () => {
    expect(errorsOf({ ...association, legalForm: "SARL" }).legalForm).toBe(
      "Choisissez la forme juridique de l’organisation.",
    );
  });

  it("keeps bank details typed with spaces, normalised, and leaves them optional", () => {
    const parsed = organisationFormSchema.parse({
      ...association,
      iban: "fr76 3000 6000 0112 3456 7890 189",
      bic: "agri fr pp",
    });
    expect([parsed.iban, parsed.bic]).toEqual(["FR7630006000011234567890189", "AGRIFRPP"]);
    const without = organisationFormSchema.parse({ ...association, iban: "", bic: "" });
    expect([without.iban, without.bic]).toEqual([null, null]);
  });

  it("refuses an IBAN whose check digits are wrong and a malformed BIC, in French", () => {
    const errors = errorsOf({ ...association, iban: "FR76 3000 6000 0112 3456 7890 188", bic: "AGRI" });
    expect(errors.iban).toBe("L’IBAN n’est pas valide : vérifiez les caractères saisis.");
    expect(errors.bic).toBe("Indiquez un BIC de 8 ou 11 caractères, par exemple AGRIFRPP.");
  });

  it("refuses a SIRET whose checksum is wrong", () => {
    expect(errorsOf({ ...association, siret: "73282932000075" }).siret).toBeTruthy();
  });

  it.each(["W45200123", "452001234", "X452001234"])("refuses the RNA number %s", (rnaNumber) => {
    expect(errorsOf({ ...association, rnaNumber }).rnaNumber).toBeTruthy();
  });

  it("does not ask an employee group for a SIRET nor an RNA number", () => {
    const parsed = organisationFormSchema.parse({
      ...association,
      legalForm: "EMPLOYEE_GROUP",
      siret: "",
      rnaNumber: "",
    });
    expect(parsed.siret).toBeNull();
    expect(parsed.rnaNumber).toBeNull();
  });

  it("asks a SCOP for its SIRET unless it is being created", () => {
    const scop = { ...association, legalForm: "SCOP", siret: "", rnaNumber: "" };
    expect(errorsOf(scop).siret).toMatch(/coopérative en cours de création/);
    expect(organisationFormSchema.parse({ ...scop, cooperativeInCreation: "on" })).toMatchObject({
      siret: null,
      cooperativeInCreation: true,
    });
  });

  it("asks other forms for their SIRET even if the box is ticked", () => {
    const company = {
      ...association,
      legalForm: "ESS_COMPANY",
      siret: "",
      rnaNumber: "",
      cooperativeInCreation: "on",
    };
    expect(errorsOf(company).siret).toBeTruthy();
  });

  it("requires the ESUS approval date when the box is ticked, and refuses a future date", () => {
    expect(errorsOf({ ...association, esusApproved: "on" }).esusApprovalDate).toBe(
      "Indiquez la date de l’agrément ESUS.",
    );
    expect(
      errorsOf({ ...association, esusApproved: "on", esusApprovalDate: "2999-01-01" }).esusApprovalDate,
    ).toMatch(/futur/);
    expect(
      errorsOf({ ...association, esusApproved: "on", esusApprovalDate: "2024-02-30" }).esusApprovalDate,
    ).toMatch(/date valide/);
    expect(
      organisationFormSchema.parse({ ...association, esusApproved: "on", esusApprovalDate: "2024-03-15" })
        .esusApprovalDate,
    ).toEqual(new Date("2024-03-15T00:00:00.000Z"));
  });

  it("ignores an ESUS date when the box is not ticked", () => {
    expect(
      organisationFormSchema.parse({ ...association, esusApprovalDate: "2024-03-15" }).esusApprovalDate,
    ).toBeNull();
  });

  it("refuses a malformed postcode, email or phone", () => {
    const errors = errorsOf({
      ...association,
      postcode: "4500",
      contactEmail: "contact@",
      contactPhone: "12",
    });
    expect(Object.keys(errors).sort()).toEqual(["contactEmail", "contactPhone", "postcode"]);
  });

  it("accepts an organisation outside the region and says so", () => {
    const parsed = organisationFormSchema.parse({ ...association, postcode: "75011", city: "Paris" });
    expect(parsed.departmentCode).toBe("75");
    expect(organisationInRegion("75011")).toBe(false);
    expect(organisationInRegion("37000")).toBe(true);
    expect(organisationInRegion("")).toBeNull();
  });
});

describe("legal forms", () => {
  it("labels every legal form of the schema in French", () => {
    expect([...LEGAL_FORMS].sort()).toEqual(Object.values(LegalForm).sort());
    expect(LEGAL_FORM_LABELS.ASSOCIATION).toBe("Association (loi 1901)");
    expect(LEGAL_FORM_LABELS.EMPLOYEE_GROUP).toBe("Groupe de salarié·es fondant une coopérative");
  });

  it("requires a SIRET except from an employee group or a cooperative being created", () => {
    expect(siretRequired(LegalForm.EMPLOYEE_GROUP, false)).toBe(false);
    expect(siretRequired(LegalForm.SCIC, true)).toBe(false);
    expect(siretRequired(LegalForm.SCIC, false)).toBe(true);
    expect(siretRequired(LegalForm.ASSOCIATION, true)).toBe(true);
  });
});
