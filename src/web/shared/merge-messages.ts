/** A message catalogue: nested objects whose leaves are the texts (i18next's resource shape). */
export type Catalogue = { readonly [key: string]: unknown };

const isBranch = (value: unknown): value is Catalogue =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges the catalogues of the shell and the features into one, deeply: two catalogues may add
 * keys under the same branch, but a text defined twice (or a text where another catalogue has a
 * branch) throws, naming both sources, instead of one feature silently overwriting another's.
 */
export function mergeMessages(catalogues: readonly { source: string; messages: Catalogue }[]): Catalogue {
  const merged: Record<string, unknown> = {};
  const owners = new Map<string, string>();

  function add(target: Record<string, unknown>, messages: Catalogue, prefix: string, source: string) {
    for (const [key, value] of Object.entries(messages)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const existing = target[key];
      if (existing === undefined) {
        target[key] = isBranch(value) ? add({}, value, path, source) : value;
        owners.set(path, source);
      } else if (isBranch(existing) && isBranch(value)) {
        add(existing, value, path, source);
      } else {
        throw new Error(`Message key "${path}" is defined by both ${owners.get(path)} and ${source}`);
      }
    }
    return target;
  }

  for (const { source, messages } of catalogues) add(merged, messages, '', source);
  return merged;
}
