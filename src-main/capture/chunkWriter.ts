/**
 * Appends recording chunks to the capture file as they arrive, fsyncing each one
 * before it is acknowledged: if the app or the machine dies, everything acknowledged
 * is on disk. On reopen, bytes past the last acknowledged chunk (written but never
 * acknowledged, so the sender will send them again) are cut off.
 */
import fs from 'node:fs';

export class ChunkWriter {
  private constructor(
    private fd: number | null,
    private size: number,
  ) {}

  static open(file: string, acknowledgedBytes: number): ChunkWriter {
    const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_WRONLY);
    const actual = fs.fstatSync(fd).size;
    if (actual > acknowledgedBytes) fs.ftruncateSync(fd, acknowledgedBytes);
    return new ChunkWriter(fd, Math.min(actual, acknowledgedBytes));
  }

  get bytes(): number {
    return this.size;
  }

  append(data: Uint8Array): number {
    if (this.fd === null) throw new Error('ChunkWriter is closed');
    let offset = 0;
    while (offset < data.byteLength) {
      offset += fs.writeSync(this.fd, data, offset, data.byteLength - offset, this.size + offset);
    }
    fs.fdatasyncSync(this.fd);
    this.size += data.byteLength;
    return this.size;
  }

  close(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
  }
}
