/**
 * Builds what every transport needs to serve the API: the opened library, the event
 * bus, and a lazily resolved ffmpeg (a missing ffmpeg must not block the library).
 */
import packageJson from '../../package.json';
import { AppError } from '../appError';
import { Library, type OpenLibraryOptions } from '../library/library';
import { resolveFfmpegBinaries, type FfmpegBinaries } from '../media/binaries';
import { ApiEventBus } from './eventBus';
import type { ApiContext } from './handlers';

export const APP_VERSION: string = packageJson.version;

export const FFMPEG_SETTING = 'media.ffmpegPath';
export const FFPROBE_SETTING = 'media.ffprobePath';

export function createApiContext(libraryDir: string, transport: ApiContext['transport'], options: OpenLibraryOptions = {}): ApiContext {
  const library = Library.open(libraryDir, options);
  let cached: FfmpegBinaries | null | undefined;
  return {
    library,
    events: new ApiEventBus(),
    transport,
    appVersion: APP_VERSION,
    ffmpeg: () => {
      if (cached !== undefined) return cached;
      try {
        cached = resolveFfmpegBinaries({
          settingFfmpeg: library.settings.get(FFMPEG_SETTING),
          settingFfprobe: library.settings.get(FFPROBE_SETTING),
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        cached = null;
      }
      return cached;
    },
  };
}
