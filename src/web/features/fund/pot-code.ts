/** Pot codes are derived from the year and name: lowercase ASCII with hyphens, as the API wants. */
export function potCode(year: number, name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return `${year}-${slug || 'pott'}`;
}
