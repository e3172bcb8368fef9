'use client';
import { useQuery } from '@tanstack/react-query';
import { fetchMembers } from './notes-api';

/** The team list, shared by every note box and escalation form on the page (fetched once, kept 5 min). */
export function useMembers(enabled = true) {
  return useQuery({ queryKey: ['team-members'], queryFn: async () => (await fetchMembers()).members, staleTime: 5 * 60_000, enabled });
}
