import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkWriter } from '../../src-main/capture/chunkWriter';
import { extensionForMime, extensionOfFileName, findStagingFile } from '../../src-main/capture/stagingFile';
import { makeTempDir } from '../helpers/tempDir';

const dir = makeTempDir();

describe('ChunkWriter', () => {
  it('appends chunks and cuts an unacknowledged tail on reopen', () => {
    const file = path.join(dir, 'capture.webm');
    fs.writeFileSync(file, '');
    const writer = ChunkWriter.open(file, 0);
    writer.append(Buffer.from('abc'));
    expect(writer.append(Buffer.from('def'))).toBe(6);
    writer.close();
    fs.appendFileSync(file, 'ghost');
    const reopened = ChunkWriter.open(file, 6);
    reopened.append(Buffer.from('g'));
    reopened.close();
    expect(fs.readFileSync(file, 'utf8')).toBe('abcdefg');
  });
});

describe('staging file names', () => {
  it('derives safe extensions', () => {
    expect(extensionForMime('video/webm;codecs=vp9,opus')).toBe('.webm');
    expect(extensionForMime('video/unknown')).toBe('.bin');
    expect(extensionOfFileName('Entretien Léa.MOV')).toBe('.mov');
    expect(extensionOfFileName('../../evil.sh;rm')).toBeNull();
    expect(extensionOfFileName(undefined)).toBeNull();
  });

  it('finds the capture or source file of a folder', () => {
    const folder = path.join(dir, 'rec');
    fs.mkdirSync(folder);
    expect(findStagingFile(folder)).toBeNull();
    fs.writeFileSync(path.join(folder, 'master.mp4'), '');
    fs.writeFileSync(path.join(folder, 'source.mkv'), '');
    expect(findStagingFile(folder)).toBe(path.join(folder, 'source.mkv'));
  });
});
