/** Plain code-unit order: the same on every machine, unlike localeCompare (ICU and locale dependent). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
