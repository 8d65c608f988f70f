/**
 * A code from a title, as the API wants codes (lowercase letters, digits, hyphens, at most 64):
 * "Vi ska genomföra 40 trygghetsvandringar" -> "vi-ska-genomfora-40-trygghetsvandringar".
 */
export function codeFrom(text: string, prefix = ''): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix ? `${prefix}-` : ''}${slug}`.slice(0, 64).replace(/-+$/, '');
}
