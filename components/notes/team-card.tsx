'use client';

import { Card } from '@/components/ui/card';
import { EscalateControl } from '@/components/escalations/escalate-control';
import { SubjectTags } from '@/components/tags/subject-tags';
import { TeamNotes } from './team-notes';

/** The team's own layer on a report, account or domain: tags, escalation and notes, kept here, never on a server. */
export function TeamCard({ subjectType, subjectKey, canWrite }: { subjectType: 'report' | 'account' | 'domain'; subjectKey: string; canWrite: boolean }) {
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Team</h2>
      <SubjectTags subjectType={subjectType} subjectKey={subjectKey} canEdit={canWrite} />
      <EscalateControl subjectType={subjectType} subjectKey={subjectKey} canRaise={canWrite} />
      <TeamNotes subjectType={subjectType} subjectKey={subjectKey} canWrite={canWrite} />
    </Card>
  );
}
