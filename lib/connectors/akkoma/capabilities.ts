/** What the Pleroma/Akkoma admin API can and cannot do, in words a moderator can act on. */
import type { Capabilities } from '../types';

export const akkomaCapabilities: Capabilities = {
  actions: ['report.resolve', 'report.reopen', 'account.action', 'account.undo', 'status.delete', 'status.sensitive', 'media.purge'],
  categories: [],
  notes: {
    'report.resolve': 'A resolution comment is added to the report as an Akkoma report note.',
    'account.action':
      'Disable deactivates the account. Sensitive and silence add the MRF tags mrf_tag:media-force-nsfw and ' +
      'mrf_tag:force-unlisted, which only act when TagPolicy is enabled. Akkoma has no suspend; deactivate the ' +
      "account or delete it in Akkoma's admin.",
    'account.undo': "Enable reactivates; unsensitive and unsilence remove the MRF tags. There is no suspension to undo.",
    'media.purge': 'Purges the media proxy cache for those URLs and bans them, so the proxy will not fetch them again.',
    'report.assign_to_self': 'Akkoma reports cannot be assigned.',
    'report.unassign': 'Akkoma reports cannot be assigned.',
    'report.set_category': 'Akkoma reports have no categories.',
    'report.forward': 'Akkoma has no API to forward a report.',
    'domain.block': "Akkoma blocks domains through MRF SimplePolicy configuration; change it in Akkoma's admin.",
  },
  accountActionTypes: ['disable', 'sensitive', 'silence'],
  accountUndoTypes: ['enable', 'unsensitive', 'unsilence'],
  webhooks: false,
};
