import { getBoss } from './boss';
import { Q } from './queues';

export async function enqueueInstanceSync(instanceId: string, reason: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.instanceSync, { instanceId, reason }, { singletonKey: instanceId });
}

export async function enqueueMediaFetch(mediaId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.mediaFetch, { mediaId }, { singletonKey: mediaId });
}

export async function enqueueAction(actionId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.actionPerform, { actionId }, { singletonKey: actionId });
}

/** A RematchRun row exists first (it carries the progress the bank page shows); the job only points at it. */
export async function enqueueRematch(runId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(Q.bankRematch, { runId }, { singletonKey: runId });
}
