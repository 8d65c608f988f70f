/** Compare function for sorting texts (ids, codes) in assertions that ignore order. */
export const byText = (a: string, b: string): number => a.localeCompare(b);
