import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/auth-options';

// Options are built per request because the signing secret is derived asynchronously from the master key.
const handler = async (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req, ctx, await getAuthOptions());

export { handler as GET, handler as POST };
