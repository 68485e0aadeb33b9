/**
 * Before quitting, closing or reloading: if a recording or a job is running, the user is
 * asked, in plain words, with "keep working" as the default answer. Also says whether the
 * machine must be kept awake (no sleep in the middle of a take or an export).
 */
import type { DesktopLanguage } from './desktopSettings';
import { desktopText } from './desktopText';

export interface BusyWork {
  recordings: number;
  jobs: number;
}

export type LeaveReason = 'quit' | 'reload';

export interface LeaveQuestion {
  title: string;
  message: string;
  detail: string;
  buttons: [keep: string, leave: string];
  defaultId: 0;
  cancelId: 0;
}

export function isBusy(work: BusyWork): boolean {
  return work.recordings > 0 || work.jobs > 0;
}

/** What to ask before leaving, or null when nothing would be lost. */
export function leaveQuestion(work: BusyWork, reason: LeaveReason, language: DesktopLanguage): LeaveQuestion | null {
  if (reason === 'reload' ? work.recordings === 0 : !isBusy(work)) return null;
  const t = desktopText(language);
  const lines: string[] = [];
  if (work.recordings > 0) lines.push(reason === 'reload' ? t.busyReloading : t.busyRecording);
  if (reason === 'quit' && work.jobs > 0) lines.push(t.busyJobs(work.jobs));
  return {
    title: t.busyTitle,
    message: t.busyTitle,
    detail: lines.join('\n\n'),
    buttons: [t.keepWorking, reason === 'reload' ? t.reloadAnyway : t.quitAnyway],
    defaultId: 0,
    cancelId: 0,
  };
}

/** Tracks whether a power-save blocker should be held: on while busy, off when idle. */
export function powerSaveChange(held: boolean, work: BusyWork): 'start' | 'stop' | null {
  if (isBusy(work) && !held) return 'start';
  if (!isBusy(work) && held) return 'stop';
  return null;
}
