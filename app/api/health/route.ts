import { json } from '@/lib/http/route';
import { checkHealth } from '@/lib/runtime/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return json(health, { status: health.ok ? 200 : 503 });
}
