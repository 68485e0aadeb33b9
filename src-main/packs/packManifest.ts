/**
 * The pack's manifest (id, project, audience, date, app version, every file with its
 * size and SHA-256) and its verification, for a folder or a .zip of it: missing,
 * altered and extra files are each named.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PackVerification } from '../../src-shared/contract/schemas/packs';
import type { Audience } from '../consent/consentPolicy';
import { listFiles } from '../platform/folderFiles';
import { compareWithManifest, describeFiles, presentFilesIn, type ManifestFile, type PresentFile } from '../platform/fileManifest';

import { readZipEntries } from './packZip';

export const MANIFEST_FILE = 'manifest.json';

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

async function compare(manifest: PackManifest, present: ReadonlyMap<string, PresentFile>): Promise<PackVerification> {
  const problems = await compareWithManifest(manifest.files, present, [MANIFEST_FILE]);
  return { ok: problems.length === 0, packId: manifest.packId, checkedFiles: manifest.files.length, problems };
}

function parseManifest(text: string): PackManifest | null {
  try {
    const manifest = JSON.parse(text) as PackManifest;
    return manifest && manifest.format === 'eric-studio-pack/1' && Array.isArray(manifest.files) ? manifest : null;
  } catch {
    return null;
  }
}

const unreadable: PackVerification = {
  ok: false,
  packId: null,
  checkedFiles: 0,
  problems: [{ path: MANIFEST_FILE, problem: 'manifest-unreadable' }],
};

/** Checks a pack folder, or a .zip holding one pack folder. */
export async function verifyPack(target: string): Promise<PackVerification> {
  if (fs.statSync(target).isDirectory()) {
    const manifestPath = path.join(target, MANIFEST_FILE);
    const manifest = fs.existsSync(manifestPath) ? parseManifest(fs.readFileSync(manifestPath, 'utf8')) : null;
    if (!manifest) return unreadable;
    return compare(manifest, presentFilesIn(target, listFiles(target)));
  }
  const entries = await readZipEntries(target);
  // the zip holds one folder: its name is stripped from every path
  const manifestEntry = entries.find((entry) => entry.path.split('/').length === 2 && entry.path.endsWith(`/${MANIFEST_FILE}`));
  if (!manifestEntry) return unreadable;
  const root = manifestEntry.path.slice(0, manifestEntry.path.length - MANIFEST_FILE.length);
  const manifest = parseManifest((await manifestEntry.read()).toString('utf8'));
  if (!manifest) return unreadable;
  const present = new Map<string, PresentFile>(
    entries
      .filter((entry) => entry.path.startsWith(root))
      .map((entry) => [entry.path.slice(root.length), { size: entry.size, sha256: () => entry.sha256() }] as const),
  );
  for (const entry of entries) if (!entry.path.startsWith(root)) present.set(entry.path, { size: entry.size, sha256: async () => '' });
  return compare(manifest, present);
}
