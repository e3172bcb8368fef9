/** View models of the team's notes and the inbox (what the routes answer). */

export interface TeamNoteView {
  id: string;
  authorLabel: string;
  body: string;
  createdAt: string;
}

export interface MentionView {
  id: string;
  noteKind: string;
  subjectType: string;
  subjectKey: string;
  href: string;
  authorLabel: string;
  excerpt: string;
  createdAt: string;
}

export interface EscalationView {
  id: string;
  subjectType: string;
  subjectKey: string;
  href: string;
  reason: string;
  raisedByLabel: string;
  assigneeId: string | null;
  assigneeLabel: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByLabel: string | null;
  resolution: string | null;
}

export interface InboxView {
  mentions: MentionView[];
  unseenCount: number;
  /** Open escalations: only for admins and owners (empty for everyone else). */
  escalations: EscalationView[];
  openEscalationCount: number;
}
