/** Settings screen and About box: what the app is set to, and what it ships. */
import { z } from 'zod';

export const languageSchema = z.enum(['fr', 'en']);

export const settingsViewSchema = z.object({
  transport: z.enum(['electron', 'http']),
  libraryDir: z.string(),
  /** The suggested folder (Documents/ERIC Studio); null outside the desktop app. */
  defaultLibraryDir: z.string().nullable(),
  /** Only the desktop app can open folders and move the library. */
  desktop: z.boolean(),
  logsDir: z.string().nullable(),
  ffmpegPath: z.string().nullable(),
  ffprobePath: z.string().nullable(),
  ffmpeg: z.object({
    found: z.boolean(),
    ffmpeg: z.string().nullable(),
    ffprobe: z.string().nullable(),
    source: z.enum(['setting', 'env', 'bundled', 'path']).nullable(),
    problem: z.string().nullable(),
  }),
  retentionMonths: z.number().int(),
  language: languageSchema,
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

const toolPath = z.string().trim().max(4096).nullable();

export const updateSettingsInputSchema = z.strictObject({
  /** Paths to programs: only the desktop app and the command line may set them. */
  ffmpegPath: toolPath.optional(),
  ffprobePath: toolPath.optional(),
  retentionMonths: z.number().int().min(1).max(120).optional(),
  language: languageSchema.optional(),
});

export const desktopActionInputSchema = z.strictObject({
  action: z.enum(['open-logs-folder', 'open-library-folder', 'choose-library-folder', 'move-library', 'choose-ffmpeg', 'choose-ffprobe']),
});
export const desktopActionOutputSchema = z.object({
  /** False when the user cancelled the dialog. */
  done: z.boolean(),
  /** The app restarts on the new library folder. */
  restarting: z.boolean(),
  message: z.string().nullable(),
});

export const aboutSchema = z.object({
  appVersion: z.string(),
  versions: z.object({ electron: z.string().nullable(), chrome: z.string().nullable(), node: z.string() }),
  platform: z.string(),
  ffmpeg: z.object({ path: z.string().nullable(), source: z.string().nullable() }),
  licences: z.array(z.object({ id: z.string(), title: z.string(), text: z.string() })),
});
export type AboutInfo = z.infer<typeof aboutSchema>;
