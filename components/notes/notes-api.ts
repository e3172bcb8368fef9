/** Browser-side calls for team notes, mentions, escalations, tags and the members list. */
import { requestJson } from '@/components/api/request';
import type { EscalationView, InboxView, TeamNoteView } from '@/lib/notes/types';
import type { TeamMember } from '@/lib/team/list-members';

const call = requestJson;
const qs = (v: Record<string, string>) => new URLSearchParams(v).toString();

export type SubjectRef = { subjectType: string; subjectKey: string };

export const fetchNotes = (s: SubjectRef) => call<{ notes: TeamNoteView[] }>(`/api/notes?${qs(s)}`);
export const postNote = (s: SubjectRef, body: string) => call<{ id: string; mentioned: string[] }>('/api/notes', { method: 'POST', body: { ...s, body } });

export const fetchMembers = () => call<{ members: TeamMember[] }>('/api/team/members');

export const fetchInbox = () => call<InboxView>('/api/mentions');
export const markSeen = (body: { ids: string[] } | { all: true }) => call<{ updated: number }>('/api/mentions/seen', { method: 'POST', body });

export const fetchEscalations = (s: SubjectRef) => call<{ escalations: EscalationView[]; canSettle: boolean }>(`/api/escalations?${qs(s)}`);
export const raiseEscalationCall = (s: SubjectRef, reason: string, assigneeId: string | null) =>
  call<{ escalation: EscalationView; created: boolean }>('/api/escalations', { method: 'POST', body: { ...s, reason, assigneeId } });
export const settleEscalation = (id: string, resolution: string) => call<{ escalation: EscalationView }>(`/api/escalations/${id}/resolve`, { method: 'POST', body: { resolution } });

export const fetchSubjectTags = (s: SubjectRef) => call<{ tags: string[] }>(`/api/tags?${qs(s)}`);
export const fetchKnownTags = () => call<{ tags: { tag: string; count: number }[] }>('/api/tags');
export const changeTags = (s: { subjectType: string; subjectKeys: string[] }, change: { add?: string[]; remove?: string[] }) =>
  call<{ added: number; removed: number; tags: Record<string, string[]> }>('/api/tags', { method: 'POST', body: { ...s, ...change } });
