/**
 * Watches every answer the app sends a browser context (pages, RSC payloads, API JSON) for a secret, so a spec can
 * prove a credential it entered never comes back. Bodies are checked as they arrive and not kept.
 */
import type { BrowserContext, Response } from '@playwright/test';

export interface SecretWatch {
  /** Waits for the bodies still being read, then returns the URLs whose answer contained the secret. */
  leaks(): Promise<string[]>;
  /** How many answers were read (a watch that saw nothing proves nothing). */
  seen(): number;
}

const TEXTUAL = /json|html|text|x-component|javascript/;

export function watchForSecret(context: BrowserContext, appOrigin: string, secret: string): SecretWatch {
  const found: string[] = [];
  const pending = new Set<Promise<void>>();
  let count = 0;
  const check = async (res: Response) => {
    if (!res.url().startsWith(appOrigin) || !TEXTUAL.test(res.headers()['content-type'] ?? '')) return;
    // Redirects and aborted requests have no body to read.
    const body = await res.text().catch(() => null);
    if (body === null) return;
    count += 1;
    if (body.includes(secret)) found.push(`${res.request().method()} ${res.url()}`);
  };
  context.on('response', (res) => {
    const p = check(res).finally(() => pending.delete(p));
    pending.add(p);
  });
  return {
    async leaks() {
      await Promise.all([...pending]);
      return found;
    },
    seen: () => count,
  };
}
