/** The longest message the API takes (MessageCreate.text, ThreadCreate.text). */
export const MESSAGE_MAX = 5000;

/** Characters as the API counts them (code points, not UTF-16 units: an emoji is one). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}
