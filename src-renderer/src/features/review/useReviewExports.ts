/**
 * The comments leaving the screen: CSV, WebVTT or SRT downloaded at once, and the
 * feedback sheet (a PDF the main side writes, then offered as a link).
 */
import { useState } from 'react';
import { api } from '../../api/client';

function download(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useReviewExports(recordingId: number, setError: (error: unknown) => void) {
  const [sheet, setSheet] = useState<{ assetId: number; fileName: string } | null>(null);

  async function exportAs(format: 'csv' | 'vtt' | 'srt') {
    try {
      const file = await api.call('comments.export', { recordingId, format });
      download(file.fileName, file.content, file.mimeType);
    } catch (reason) {
      setError(reason);
    }
  }

  const requestSheet = () => void api.call('feedback.sheet', { recordingId }).then(setSheet, setError);

  return { sheet, exportAs, requestSheet };
}

export type ReviewExports = ReturnType<typeof useReviewExports>;
