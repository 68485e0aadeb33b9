import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/appError';
import { StderrTail } from '../../src-main/media/progressParser';
import { asStorageError, storageProblem } from '../../src-main/platform/storageErrors';

const errno = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code}: something`), { code, ...extra });

describe('one home for a full disk and a read-only library', () => {
  it('recognises the kernel, SQLite and ffmpeg, following causes', () => {
    expect(storageProblem(errno('ENOSPC'))).toBe('disk-full');
    expect(storageProblem(errno('EDQUOT'))).toBe('disk-full');
    expect(storageProblem(errno('SQLITE_FULL'))).toBe('disk-full');
    expect(storageProblem(errno('EROFS'))).toBe('read-only');
    expect(storageProblem(errno('EACCES'))).toBe('read-only');
    expect(storageProblem(errno('SQLITE_READONLY_DBMOVED'))).toBe('read-only');
    const ffmpeg = new AppError(
      'media-failed',
      'ffmpeg failed while rendering (exit code 1):\nav_interleaved_write_frame(): No space left on device',
    );
    expect(storageProblem(ffmpeg)).toBe('disk-full');
    expect(storageProblem(new AppError('media-failed', 'wrapped', { cause: errno('ENOSPC') }))).toBe('disk-full');
    expect(storageProblem(new Error('Invalid data found when processing input'))).toBeNull();
    expect(storageProblem(new AppError('consent-refused', 'Karim : refus'))).toBeNull();
  });

  it('writes the French message naming the folder and the space; read-only is not "restore a backup"', () => {
    const full = asStorageError(errno('ENOSPC'), { folder: '/media/usb/exports', neededBytes: 50 * 1024 * 1024, what: 'cet export' });
    expect(full).toMatchObject({
      code: 'disk-full',
      message: 'Le disque est plein : impossible d’écrire dans /media/usb/exports pour cet export. Il faut environ 50 Mo.',
    });
    const readOnly = asStorageError(errno('EROFS'), { folder: '/bib/media/recordings', libraryDir: '/bib' });
    expect(readOnly).toMatchObject({ code: 'read-only', message: expect.stringMatching(/^La bibliothèque est en lecture seule : \/bib /) });
    expect((readOnly as AppError).hint).not.toMatch(/sauvegarde/);
    const other = new Error('boom');
    expect(asStorageError(other, { folder: '/x' })).toBe(other);
  });

  it('names the folder of the file the system refused when it is elsewhere (a copy to another disk)', () => {
    const error = errno('ENOSPC', { syscall: 'copyfile', path: '/home/a/source.mp4', dest: '/mnt/cle/out/video.mp4' });
    expect((asStorageError(error, { folder: '/bib', libraryDir: '/bib' }, true) as AppError).message).toContain('/mnt/cle/out');
  });

  it('keeps ffmpeg’s "No space left on device" line even when the encoder statistics push it out of the tail', () => {
    const tail = new StderrTail(3);
    tail.push('[mp4 @ 0x1] av_interleaved_write_frame(): No space left on device\n');
    for (let i = 0; i < 10; i++) tail.push(`[libx264 @ 0x2] stats line ${i}\n`);
    expect(tail.text().split('\n')).toEqual([
      '[mp4 @ 0x1] av_interleaved_write_frame(): No space left on device',
      '[libx264 @ 0x2] stats line 7',
      '[libx264 @ 0x2] stats line 8',
      '[libx264 @ 0x2] stats line 9',
    ]);
  });
});
