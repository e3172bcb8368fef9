/**
 * OWNER: pseudonym helper (issue 15). STUB: replace. How the team presents itself (Setting 'team.identity'):
 * the team's name, whether colleagues see each other by pseudonym, how text sent to servers is signed, and who
 * the CyberTipline report names as reporting person. Read by everyone; changed by admins, audited.
 */

export interface IdentitySettings {
  /** The team's name, for signatures and forwards ("the moderators of our servers" when empty). */
  teamName: string;
  /** Colleagues see each other by pseudonym in the UI (owners and admins also see the real name). Default false. */
  showPseudonyms: boolean;
  /** What signs text the app sends to a server for a person (report notes, resolve and reject comments, reports
   * opened elsewhere, forward messages): 'pseudonym' ("— heron, fedimod"), 'team' (the team's name). Default 'pseudonym'. */
  signOutbound: 'pseudonym' | 'team';
  /** The CyberTipline report's reporting person: 'settings' (the person in the NCMEC settings) or 'pseudonym'
   * (the filer's pseudonym, with the settings' email). Default 'settings'. */
  ncmecReporter: 'settings' | 'pseudonym';
}

export const DEFAULT_IDENTITY: IdentitySettings = { teamName: '', showPseudonyms: false, signOutbound: 'pseudonym', ncmecReporter: 'settings' };

export async function getIdentitySettings(): Promise<IdentitySettings> {
  return { ...DEFAULT_IDENTITY };
}
