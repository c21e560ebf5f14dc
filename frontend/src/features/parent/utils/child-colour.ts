/**
 * The children's colours, by position (oldest first). Each has a contrast of at least 4.5:1
 * with white (the initial on the badge is white): 6.4, 7.4, 5.9, 6.8, 7.9 and 6.1 to 1.
 * The initial and the name always go with the colour: colour alone never tells children apart.
 */
export const CHILD_COLOURS = ['#1f5fa8', '#a3195b', '#1a7340', '#8a4b00', '#5b3fa0', '#006d75'] as const;

/** The colour of the child at this position (oldest first); after six the colours repeat. */
export function childColour(index: number): string {
  const size = CHILD_COLOURS.length;
  return CHILD_COLOURS[((index % size) + size) % size] ?? CHILD_COLOURS[0];
}

/** The first letter of the given name, upper case (a whole character, also outside Latin script). */
export function childInitial(givenName: string, locale?: string): string {
  const first = Array.from(givenName.trim())[0] ?? '?';
  return first.toLocaleUpperCase(locale);
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
