/**
 * Which API generation to speak to a server, from the kind and the version detection read. Only Lemmy has two
 * today (0.19 → v3, 1.0 → v4); everything else answers null and its connector uses its one API.
 */
import { lemmyApiVersion } from '../lemmy/api-version';
import type { ServerKind } from '../types';

export function apiVersionFor(kind: ServerKind, softwareVersion: string | null): string | null {
  return kind === 'lemmy' ? lemmyApiVersion(softwareVersion) : null;
}

/** The API version stored with an instance (software.apiVersion), tolerant of rows written before it existed. */
export function storedApiVersion(software: unknown): string | null {
  if (!software || typeof software !== 'object') return null;
  const v = (software as { apiVersion?: unknown }).apiVersion;
  return typeof v === 'string' && v.length <= 10 ? v : null;
}
