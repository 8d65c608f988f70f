import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserCreate, UserUpdate, UserView } from '../../../contracts/auth.ts';
import { api } from '../../shared/api.ts';

export const useUsers = () => useQuery({ queryKey: ['users'], queryFn: () => api.get<UserView[]>('/api/users') });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<UserView>('/api/users', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) => api.patch<UserView>(`/api/users/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
