import { z } from 'zod';
import { handle, json, parseJson } from '@/lib/http/route';
import { getUserPreferences, requireApiActor, setUserTheme, userThemeSchema } from '@/lib/auth/current-actor';
import { updatePreferences, updatePreferencesInput } from '@/lib/users/update-preferences';
import { themeCookieValue } from '@/components/layout/theme';

// Strict: a misspelt key is a clear 400, not a silent "Saved." that changed nothing.
const body = updatePreferencesInput.extend({ theme: userThemeSchema.optional() }).strict();

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req);
    return json(await getUserPreferences(actor.id));
  });
}

export async function PATCH(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req);
    const { theme, ...media }: z.infer<typeof body> = await parseJson(req, body);
    // The theme is a look, not exposure: it skips the audited media-preferences verb.
    if (media.blurMedia !== undefined || media.grayscaleMedia !== undefined || media.severeAsHashes !== undefined) await updatePreferences({ ctx: { actor }, input: media });
    if (theme) await setUserTheme(actor.id, theme);
    const prefs = await getUserPreferences(actor.id);
    // The cookie mirrors the theme so the root layout renders the right class before any script runs.
    return json(prefs, theme ? { headers: { 'Set-Cookie': themeCookieValue(prefs.theme) } } : undefined);
  });
}
