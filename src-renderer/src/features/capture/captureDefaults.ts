/**
 * Default camera, microphone and resolution for new takes, remembered by the record
 * screen and set in Réglages. Device ids are per computer and per browser, so they stay
 * in this browser's storage.
 */
import type { ResolutionName } from './recorderMime';

export const CAPTURE_DEFAULTS_KEY = 'eric-studio.devices';

export type Resolution = ResolutionName;

export interface CaptureDefaults {
  camera?: string;
  microphone?: string;
  resolution?: Resolution;
}

export function readCaptureDefaults(): CaptureDefaults {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(CAPTURE_DEFAULTS_KEY) ?? '{}') as CaptureDefaults;
  } catch {
    return {};
  }
}

export function writeCaptureDefaults(defaults: CaptureDefaults): void {
  globalThis.localStorage?.setItem(CAPTURE_DEFAULTS_KEY, JSON.stringify(defaults));
}
