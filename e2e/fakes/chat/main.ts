/**
 * The chat receiver on its own, for the demo and Playwright:
 * `npx tsx e2e/fakes/chat/main.ts --port 4195 --secret S --token T` prints one JSON line {"url"} once listening.
 */
import { parseArgs } from 'node:util';
import { startChatReceiver } from './server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, secret: { type: 'string', default: 'chat-secret-demo' }, token: { type: 'string', default: 'chat-token-demo' } } });
const receiver = await startChatReceiver({ port: Number(values.port), secret: values.secret, token: values.token });
process.stdout.write(`${JSON.stringify({ url: receiver.url })}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void receiver.close().finally(() => process.exit(0)));
