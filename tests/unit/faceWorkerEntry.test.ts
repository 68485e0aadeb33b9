// Where the face detector's thread and the files it reads by path are found: beside the built
// bundle (out/main, from its chunks), from the TypeScript sources, inside an installed app
// (the unpacked copies beside app.asar), and a French error when the worker is missing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preferUnpacked } from '../../src-main/faces/faceDetector';
import { faceWorkerEntry } from '../../src-main/faces/faceDetectorThread';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-face-worker-entry-');

describe('the face detector thread’s entry', () => {
  it('is the built file beside the bundle, found from the bundle’s chunks too', () => {
    const main = path.join(root, 'out', 'main');
    fs.mkdirSync(path.join(main, 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(main, 'faceWorker.js'), '');
    expect(faceWorkerEntry(main)).toEqual({ file: path.join(main, 'faceWorker.js'), fromSource: false });
    expect(faceWorkerEntry(path.join(main, 'chunks'))).toEqual({ file: path.join(main, 'faceWorker.js'), fromSource: false });
  });

  it('is the TypeScript source when running from sources', () => {
    const sources = path.resolve(__dirname, '../../src-main/faces');
    expect(faceWorkerEntry(sources)).toEqual({ file: path.join(sources, 'faceWorker.ts'), fromSource: true });
  });

  it('missing: a French error that says what to do', () => {
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    expect(() => faceWorkerEntry(empty)).toThrow(/^Le module qui trouve les visages manque à l’installation d’ERIC Studio\.$/);
    try {
      faceWorkerEntry(empty);
    } catch (error) {
      expect(error).toMatchObject({ code: 'media-tool-missing', hint: expect.stringMatching(/Réinstallez ERIC Studio/) });
    }
  });
});

describe('files the detector reads by path', () => {
  it('are taken from the unpacked copy beside app.asar when there is one', () => {
    const resources = path.join(root, 'resources');
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules', 'pkg', 'dist');
    fs.mkdirSync(unpacked, { recursive: true });
    expect(preferUnpacked(path.join(resources, 'app.asar', 'node_modules', 'pkg', 'dist'))).toBe(unpacked);
    // nothing unpacked: the path inside the archive stays
    const packed = path.join(resources, 'app.asar', 'node_modules', 'other', 'dist');
    expect(preferUnpacked(packed)).toBe(packed);
    // outside a packaged app: unchanged
    expect(preferUnpacked('/opt/app/node_modules/pkg/dist')).toBe('/opt/app/node_modules/pkg/dist');
  });
});
