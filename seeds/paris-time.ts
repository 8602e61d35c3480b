// The seeds write dates in Paris time with the portal’s own helpers.
export * from "../app/domain/paris-time";
