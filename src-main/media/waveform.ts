/**
 * Audio peaks for the timeline: from mono 16-bit PCM, the loudest sample of each bin,
 * scaled 0–1. Small enough to send to the UI as JSON (20 bins a second).
 */
export const WAVEFORM_BINS_PER_SECOND = 20;

export interface Waveform {
  binsPerSecond: number;
  peaks: number[];
}

export function peaksFromPcm(pcm: Buffer, sampleRate: number, binsPerSecond = WAVEFORM_BINS_PER_SECOND): Waveform {
  const samples = Math.floor(pcm.length / 2);
  const perBin = Math.max(1, Math.round(sampleRate / binsPerSecond));
  const bins = Math.ceil(samples / perBin);
  const peaks = new Array<number>(bins);
  for (let bin = 0; bin < bins; bin++) {
    let max = 0;
    const end = Math.min(samples, (bin + 1) * perBin);
    for (let i = bin * perBin; i < end; i++) {
      const value = Math.abs(pcm.readInt16LE(i * 2));
      if (value > max) max = value;
    }
    peaks[bin] = Math.round((max / 32768) * 1000) / 1000;
  }
  return { binsPerSecond, peaks };
}
