import { Badge } from '@/components/ui/badge';
import { STATE_WORDS } from '@/lib/actors/account-state';
import type { ActorState } from '@/lib/actors/types';

const TONE: Record<ActorState, 'danger' | 'warn' | 'neutral' | 'info' | 'ok'> = {
  suspended: 'danger', blocked: 'danger', disabled: 'warn', limited: 'warn', sensitized: 'info', nothing: 'neutral', unknown: 'neutral',
};

export function StateBadge({ state }: { state: ActorState }) {
  return <Badge tone={TONE[state]}>{STATE_WORDS[state]}</Badge>;
}
