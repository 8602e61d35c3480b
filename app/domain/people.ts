// How a person is named on pages, in emails and in documents: « Prénom Nom ».

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
