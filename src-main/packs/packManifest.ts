/**
 * The pack's manifest (id, project, audience, date, app version, every file with its
 * size and SHA-256) and its verification, for a folder or a .zip of it: missing,
 * altered and extra files are each named.
 */
import type { Audience } from '../consent/consentPolicy';
import { listFiles } from '../platform/folderFiles';
import { describeFiles, type ManifestFile } from '../platform/fileManifest';
import { MANIFEST_FILE, verifyPack } from './packVerify';

export { MANIFEST_FILE };

export interface PackManifest {
  format: 'eric-studio-pack/1';
  packId: string;
  project: { id: number; name: string };
  audience: Audience;
  createdAt: string;
  appVersion: string;
  files: ManifestFile[];
}

export async function buildManifest(dir: string, header: Omit<PackManifest, 'files' | 'format'>): Promise<PackManifest> {
  const files = await describeFiles(
    dir,
    listFiles(dir).filter((file) => file !== MANIFEST_FILE),
  );
  return { format: 'eric-studio-pack/1', ...header, files };
}

/** Verification lives in packVerify.ts (a pack to check is untrusted input). */
export { verifyPack };
