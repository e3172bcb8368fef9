/** The Matrix room message for a notification: plain text plus escaped HTML with one link (no remote text in it). */
import type { NotifyPayload } from './types';

export interface MatrixNotice {
  msgtype: 'm.notice';
  body: string;
  format: 'org.matrix.custom.html';
  formatted_body: string;
}

export function matrixNotice(payload: Pick<NotifyPayload, 'summary' | 'url'> & { test?: boolean }): MatrixNotice {
  const summary = payload.test ? `[test] ${payload.summary}` : payload.summary;
  return {
    // m.notice: bots are expected to ignore notices, so a bridge or bot in the room never answers it.
    msgtype: 'm.notice',
    body: `${summary}\n${payload.url}`,
    format: 'org.matrix.custom.html',
    formatted_body: `${escapeHtml(summary)}<br><a href="${escapeHtml(payload.url)}">Open in Fedimod</a>`,
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
