import { useMutation, useQueryClient } from '@tanstack/react-query';

/** An admin change to reference data; refreshes the cached lists it touches. */
export function useReferenceMutation<T>(keys: string[], action: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => {
      for (const key of keys) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
