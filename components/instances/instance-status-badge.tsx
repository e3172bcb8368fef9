import { Badge } from '@/components/ui/badge';

export function InstanceStatusBadge({ status }: { status: string }) {
  const tone = status === 'ok' ? 'ok' : status === 'error' ? 'danger' : status === 'disabled' ? 'neutral' : 'info';
  const label = status === 'ok' ? 'connected' : status;
  return <Badge tone={tone}>{label}</Badge>;
}
