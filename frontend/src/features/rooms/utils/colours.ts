/**
 * Each organisation keeps one colour in the calendar, always next to its name (never colour
 * alone). Dark tones: white text on them has a contrast of at least 7:1 (WCAG AAA).
 */
export const ORGANISATION_COLOURS = [
  '#1d4f91', // blue
  '#7b2d82', // purple
  '#0e6245', // green
  '#9c3412', // rust
  '#5f4b00', // olive
  '#8a1c4a', // crimson
  '#1f5f66', // teal
  '#4a3f8c', // indigo
] as const;

/** A colour for an organisation outside the known list: the same one every time. */
export function organisationColour(organisationId: string): string {
  let hash = 0;
  for (let index = 0; index < organisationId.length; index += 1) {
    hash = (hash * 31 + organisationId.charCodeAt(index)) | 0;
  }
  return ORGANISATION_COLOURS[Math.abs(hash) % ORGANISATION_COLOURS.length]!;
}

/**
 * Colours for the organisations of a centre, in the order given (by name): distinct for the
 * first eight, so two partners in one building do not share a colour by chance.
 */
export function organisationColours(organisationIds: readonly string[]): (organisationId: string) => string {
  const assigned = new Map(organisationIds.map((id, index) => [id, ORGANISATION_COLOURS[index % ORGANISATION_COLOURS.length]!]));
  return (organisationId) => assigned.get(organisationId) ?? organisationColour(organisationId);
}
