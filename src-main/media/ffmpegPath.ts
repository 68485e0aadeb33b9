/**
 * How a file name is given to ffmpeg and ffprobe: absolute, behind the `file:` protocol.
 * A name starting with `-` is then never read as an option, `-` never as stdin, and a
 * name holding `:` (or `concat:`, `http:`) never as another protocol.
 */
import path from 'node:path';

export function ffmpegFileArg(file: string): string {
  return `file:${path.resolve(file)}`;
}
