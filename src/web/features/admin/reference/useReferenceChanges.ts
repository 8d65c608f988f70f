import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api.ts';

/** An admin change to reference data; refreshes the cached lists it touches. */
function useReferenceMutation<T>(keys: readonly string[], action: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => {
      for (const key of keys) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

type Toggle = { code: string; active: boolean };

export const useCreateOrganisation = () =>
  useReferenceMutation(['organisations'], (body: { code: string; name: string; shortName: string; kind: string }) =>
    api.post('/api/organisations', body),
  );

/** Retires an active organisation or brings a retired one back. */
export const useToggleOrganisation = () =>
  useReferenceMutation(['organisations'], (o: Toggle) =>
    api.patch(`/api/organisations/${o.code}`, { active: !o.active }),
  );

export const useCreateCategory = () =>
  useReferenceMutation(
    ['categories'],
    (body: { code: string; name: string; nameEn: string; focusAreaCode: string; description: string }) =>
      api.post('/api/categories', body),
  );

/** Retires an active category or brings a retired one back. */
export const useToggleCategory = () =>
  useReferenceMutation(['categories'], (c: Toggle) => api.patch(`/api/categories/${c.code}`, { active: !c.active }));

export const useCreatePlace = () =>
  useReferenceMutation(['places'], (body: Record<string, unknown>) => api.post('/api/places', body));

/**
 * Replaces areas or the boundary with an uploaded GeoJSON file. A file that is not JSON fails
 * here with the API's own shape (INVALID_GEOJSON with problems), so the form shows both alike.
 */
export const useUploadGeoJson = (url: string, refresh: readonly string[]) =>
  useReferenceMutation(refresh, async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      throw new ApiError(400, 'INVALID_GEOJSON', 'not JSON', {
        problems: [{ message: 'Filen är inte giltig JSON.', messageEn: 'The file is not valid JSON.' }],
      });
    }
    return api.put(url, parsed);
  });
