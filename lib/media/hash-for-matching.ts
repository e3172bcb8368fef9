/**
 * What is stored for matching about every fetched image: its PDQ hash and quality with the 8 dihedral hashes, so
 * later rematches never need the image again. Computed by prepareMedia from the same decode as the preview.
 */
import type { DihedralHashes } from '@/lib/hashing/pdq';

export interface MatchingHashes { hash: string; quality: number; dihedral: DihedralHashes }
