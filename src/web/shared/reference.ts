import { useQuery } from '@tanstack/react-query';
import type {
  AreaView,
  CategoryView,
  FocusAreaView,
  MunicipalityView,
  OrganisationView,
  PlaceView,
} from '../../contracts/reference.ts';
import { api } from './api.ts';

// Reference data changes rarely; keep it for the session.
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export const useMunicipality = () =>
  useQuery({ queryKey: ['municipality'], queryFn: () => api.get<MunicipalityView>('/api/municipality'), ...forever });
export const useAreas = () =>
  useQuery({ queryKey: ['areas'], queryFn: () => api.get<AreaView[]>('/api/areas'), ...forever });
export const usePlaces = () =>
  useQuery({ queryKey: ['places'], queryFn: () => api.get<PlaceView[]>('/api/places'), ...forever });
export const useCategories = () =>
  useQuery({ queryKey: ['categories'], queryFn: () => api.get<CategoryView[]>('/api/categories'), ...forever });
export const useFocusAreas = () =>
  useQuery({ queryKey: ['focus-areas'], queryFn: () => api.get<FocusAreaView[]>('/api/focus-areas'), ...forever });
export const useOrganisations = () =>
  useQuery({
    queryKey: ['organisations'],
    queryFn: () => api.get<OrganisationView[]>('/api/organisations'),
    ...forever,
  });

/** Colour of a focus area by code, for map markers and chips. */
export function useFocusColours(): Map<string, string> {
  const { data } = useFocusAreas();
  return new Map((data ?? []).map((f) => [f.code, f.color]));
}
