import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/auth-options';
import { readBody } from '@/lib/http/read-body';
import { handle } from '@/lib/http/route';

// Sign-in and sign-out forms are a few hundred bytes; next-auth itself would buffer any body it is sent.
const AUTH_BODY_MAX_BYTES = 64 * 1024;

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request because the signing secret is derived asynchronously from the master key.
const handler = async (req: NextRequest, ctx: Ctx) => NextAuth(req, ctx, await getAuthOptions());

export const GET = handler;

/** The body goes through the shared streaming cap first; next-auth then reads the capped copy. */
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const body = await readBody(req, AUTH_BODY_MAX_BYTES);
    return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body }), ctx);
  });
}
