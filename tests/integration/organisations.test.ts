import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { organisationFormSchema, type OrganisationFormValues } from "~/domain/organisation-schema";
import { MembershipRole } from "~/generated/prisma/enums";
import {
  createOrganisation,
  DUPLICATE_SIRET_MESSAGE,
  getOrganisationForMember,
  LAST_OWNER_MESSAGE,
  listMembers,
  OrganisationError,
  removeMember,
  updateOrganisation,
} from "~/services/applicant/organisations.server";
import {
  acceptInvitation,
  findInvitation,
  inviteMember,
} from "~/services/applicant/organisation-invitations.server";
import {
  hashInvitationToken,
  INVITATION_VALIDITY_MS,
} from "~/services/applicant/organisation-invitations.server";

import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/database";
import { asServed } from "../support/routes";

const APP_URL = "https://portail.example.fr";

const formValues: OrganisationFormValues = {
  name: "Les Cycloposteurs",
  legalForm: "ASSOCIATION",
  siret: "732 829 320 00074",
  rnaNumber: "W452001234",
  addressLine: "12 rue de la Tour Neuve",
  postcode: "45000",
  city: "Orléans",
  legalRepresentativeName: "Camille Martin",
  legalRepresentativeRole: "Présidente",
  contactEmail: "contact@cycloposteurs.fr",
  contactPhone: "02 38 00 00 00",
};

function organisationInput(overrides: Partial<OrganisationFormValues> = {}) {
  return organisationFormSchema.parse({ ...formValues, ...overrides });
}

/** The status of the Response a service throws for a forbidden or hidden organisation. */
async function refusalStatus(promise: Promise<unknown>): Promise<number> {
  const error = await asServed(promise).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Response);
  return (error as Response).status;
}

async function refusalMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OrganisationError);
  return (error as OrganisationError).message;
}

describe.each(databaseKinds())("organisations on %s", (kind) => {
  let database: TestDatabase;
  let counter = 0;

  async function createUser(email?: string) {
    counter += 1;
    return database.db.user.create({
      data: {
        email: email ?? `personne${counter}@example.fr`,
        passwordHash: "not-used-here",
        firstName: "Dominique",
        lastName: `Porteur${counter}`,
      },
    });
  }

  /** An organisation with a distinct SIRET per call, owned by a new user. */
  async function createOwnedOrganisation(siret: string | null = null) {
    const owner = await createUser();
    const organisation = await createOrganisation(
      database.db,
      owner.id,
      organisationInput({ siret: siret ?? "", legalForm: "EMPLOYEE_GROUP", rnaNumber: "" }),
    );
    return { owner, organisation };
  }

  async function addMember(organisationId: string, role: MembershipRole = MembershipRole.MEMBER) {
    const user = await createUser();
    await database.db.membership.create({ data: { userId: user.id, organisationId, role } });
    return user;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.department.create({ data: { code: "45", name: "Loiret", inRegion: true } });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("makes the creator the owner and links the department derived from the postcode", async () => {
    const creator = await createUser();
    const organisation = await createOrganisation(database.db, creator.id, organisationInput());
    expect(organisation).toMatchObject({
      name: "Les Cycloposteurs",
      siret: "73282932000074",
      departmentCode: "45",
    });
    const { role } = await getOrganisationForMember(database.db, creator.id, organisation.id);
    expect(role).toBe(MembershipRole.OWNER);
  });

  it("keeps the postcode but no department link when the department is not in the reference data", async () => {
    const creator = await createUser();
    const organisation = await createOrganisation(
      database.db,
      creator.id,
      organisationInput({ siret: "44306184100047", postcode: "75011", city: "Paris" }),
    );
    expect(organisation).toMatchObject({ postcode: "75011", departmentCode: null });
  });

  it("refuses a SIRET already registered, and creates nothing", async () => {
    const before = await database.db.organisation.count();
    const someoneElse = await createUser();
    const message = await refusalMessage(
      createOrganisation(database.db, someoneElse.id, organisationInput({ name: "Doublon" })),
    );
    expect(message).toBe(DUPLICATE_SIRET_MESSAGE);
    expect(await database.db.organisation.count()).toBe(before);
    expect(await database.db.membership.count({ where: { userId: someoneElse.id } })).toBe(0);
  });

  it("lets an owner edit the profile but not a member (403)", async () => {
    const { owner, organisation } = await createOwnedOrganisation();
    const member = await addMember(organisation.id);
    const renamed = organisationInput({
      name: "Coopérative renommée",
      siret: "",
      legalForm: "EMPLOYEE_GROUP",
    });

    expect(await refusalStatus(updateOrganisation(database.db, member.id, organisation.id, renamed))).toBe(
      403,
    );
    expect((await database.db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).name).toBe(
      "Les Cycloposteurs",
    );

    await updateOrganisation(database.db, owner.id, organisation.id, renamed);
    expect((await database.db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).name).toBe(
      "Coopérative renommée",
    );
  });

  it("refuses an update to a SIRET another organisation has", async () => {
    const { owner, organisation } = await createOwnedOrganisation();
    const message = await refusalMessage(
      updateOrganisation(database.db, owner.id, organisation.id, organisationInput()),
    );
    expect(message).toBe(DUPLICATE_SIRET_MESSAGE);
  });

  it("hides the organisation from a non-member (404) for every use case", async () => {
    const { organisation } = await createOwnedOrganisation();
    const outsider = await createUser();
    const calls = [
      () => getOrganisationForMember(database.db, outsider.id, organisation.id),
      () => listMembers(database.db, outsider.id, organisation.id),
      () =>
        updateOrganisation(
          database.db,
          outsider.id,
          organisation.id,
          organisationInput({ siret: "", legalForm: "EMPLOYEE_GROUP" }),
        ),
      () =>
        inviteMember(database.db, {
          organisationId: organisation.id,
          inviterId: outsider.id,
          email: "x@example.fr",
          role: MembershipRole.MEMBER,
          appUrl: APP_URL,
        }),
      () =>
        removeMember(database.db, {
          organisationId: organisation.id,
          actorId: outsider.id,
          memberUserId: outsider.id,
        }),
    ];
    for (const call of calls) expect(await refusalStatus(call())).toBe(404);
    expect(await database.db.outboxEmail.count({ where: { to: "x@example.fr" } })).toBe(0);
  });

  it("lets a member not invite (403), and sends nothing", async () => {
    const { organisation } = await createOwnedOrganisation();
    const member = await addMember(organisation.id);
    const status = await refusalStatus(
      inviteMember(database.db, {
        organisationId: organisation.id,
        inviterId: member.id,
        email: "ami@example.fr",
        role: MembershipRole.MEMBER,
        appUrl: APP_URL,
      }),
    );
    expect(status).toBe(403);
    expect(
      await database.db.organisationInvitation.count({ where: { organisationId: organisation.id } }),
    ).toBe(0);
    expect(await database.db.outboxEmail.count({ where: { to: "ami@example.fr" } })).toBe(0);
  });

  it("enqueues exactly one invitation email carrying the accept link, and stores only the token's hash", async () => {
    const { owner, organisation } = await createOwnedOrganisation();
    const { invitation, token } = await inviteMember(database.db, {
      organisationId: organisation.id,
      inviterId: owner.id,
      email: "  Nouvelle.Recrue@Example.FR ",
      role: MembershipRole.MEMBER,
      appUrl: APP_URL,
    });
    const emails = await database.db.outboxEmail.findMany({ where: { to: "nouvelle.recrue@example.fr" } });
    expect(emails).toHaveLength(1);
    const link = `${APP_URL}/invitations/${token}`;
    expect(emails[0]!.text).toContain(link);
    expect(emails[0]!.html).toContain(link);
    expect(emails[0]!.text).toContain(organisation.name);

    const stored = await database.db.organisationInvitation.findUniqueOrThrow({
      where: { id: invitation.id },
    });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(
      INVITATION_VALIDITY_MS - 60_000,
    );
  });

  it("refuses to accept with an account of another email, then accepts once for the invited email", async () => {
    const { owner, organisation } = await createOwnedOrganisation();
    const invited = await createUser("invitee@example.fr");
    const other = await createUser();
    const { token } = await inviteMember(database.db, {
      organisationId: organisation.id,
      inviterId: owner.id,
      email: "INVITEE@example.fr",
      role: MembershipRole.MEMBER,
      appUrl: APP_URL,
    });

    expect(await refusalMessage(acceptInvitation(database.db, { token, userId: other.id }))).toMatch(
      /autre adresse électronique/,
    );
    expect(await database.db.membership.count({ where: { userId: other.id } })).toBe(0);

    expect(await acceptInvitation(database.db, { token, userId: invited.id })).toBe(organisation.id);
    const members = await listMembers(database.db, invited.id, organisation.id);
    expect(members.map((member) => [member.email, member.role])).toEqual([
      [owner.email, MembershipRole.OWNER],
      ["invitee@example.fr", MembershipRole.MEMBER],
    ]);

    expect(await refusalMessage(acceptInvitation(database.db, { token, userId: invited.id }))).toMatch(
      /déjà été utilisée/,
    );
    expect((await findInvitation(database.db, token))?.state).toBe("used");
  });

  it("refuses an expired invitation", async () => {
    const { owner, organisation } = await createOwnedOrganisation();
    const invited = await createUser();
    const { token } = await inviteMember(database.db, {
      organisationId: organisation.id,
      inviterId: owner.id,
      email: invited.email,
      role: MembershipRole.MEMBER,
      appUrl: APP_URL,
    });
    const eightDaysLater = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(
      await refusalMessage(acceptInvitation(database.db, { token, userId: invited.id, now: eightDaysLater })),
    ).toMatch(/expiré/);
    expect(await database.db.membership.count({ where: { userId: invited.id } })).toBe(0);
  });

  it("refuses an unknown token", async () => {
    const user = await createUser();
    expect(
      await refusalMessage(acceptInvitation(database.db, { token: "inconnu", userId: user.id })),
    ).toMatch(/pas valide/);
  });

  it("lets two simultaneous clicks on one invitation create a single membership", async () => {
    const { owner, organisation } = await createOwnedOrganisation();
    const invited = await createUser();
    const { token } = await inviteMember(database.db, {
      organisationId: organisation.id,
      inviterId: owner.id,
      email: invited.email,
      role: MembershipRole.MEMBER,
      appUrl: APP_URL,
    });
    const results = await Promise.allSettled([
      acceptInvitation(database.db, { token, userId: invited.id }),
      acceptInvitation(database.db, { token, userId: invited.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await database.db.membership.count({ where: { userId: invited.id } })).toBe(1);
  });

  it("never removes the last owner, but removes members and other owners", async () => {
    const { owner, organisation } = await createOwnedOrganisation();
    const member = await addMember(organisation.id);
    const ids = { organisationId: organisation.id, actorId: owner.id };

    expect(await refusalMessage(removeMember(database.db, { ...ids, memberUserId: owner.id }))).toBe(
      LAST_OWNER_MESSAGE,
    );
    expect(
      await refusalStatus(
        removeMember(database.db, {
          organisationId: organisation.id,
          actorId: member.id,
          memberUserId: owner.id,
        }),
      ),
    ).toBe(403);

    await removeMember(database.db, { ...ids, memberUserId: member.id });
    expect(await refusalStatus(listMembers(database.db, member.id, organisation.id))).toBe(404);

    const secondOwner = await addMember(organisation.id, MembershipRole.OWNER);
    await removeMember(database.db, { ...ids, memberUserId: owner.id });
    const members = await listMembers(database.db, secondOwner.id, organisation.id);
    expect(members.map((m) => m.userId)).toEqual([secondOwner.id]);
  });
});
