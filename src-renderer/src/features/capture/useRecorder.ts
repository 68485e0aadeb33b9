/**
 * One take from setup to saved: 3-2-1, then MediaRecorder with a chunk every second sent
 * by the ChunkUploader (a crash loses at most that), the elapsed clock, markers saved at
 * once, and on stop the last chunks flushed and the recording finished.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Marker } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { describeError } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { ChunkUploader } from './chunkUploader';
import { pickRecorderMimeType, type ResolutionName } from './recorderMime';
import type { TakeCapture } from './useTake';

/** 'finished': the take is saved; the screen goes back to the session once nothing asks before leaving. */
export type Phase = 'setup' | 'countdown' | 'starting' | 'recording' | 'stopping' | 'finished';
const COUNTDOWN_SECONDS = 3;

export function useRecorder(
  sessionId: number,
  stream: MediaStream | null,
  resolution: ResolutionName,
  /** null until the session is loaded */
  take: TakeCapture | null,
  setError: (error: unknown) => void,
) {
  const { t, locale } = useI18n();
  const [phase, setPhase] = useState<Phase>('setup');
  const [countdown, setCountdown] = useState(COUNTDOWN_SECONDS);
  const [elapsed, setElapsed] = useState(0);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const uploaderRef = useRef<ChunkUploader | null>(null);
  const recordingIdRef = useRef<number | null>(null);
  const startedAtRef = useRef(0);

  // elapsed clock while recording
  useEffect(() => {
    if (phase !== 'recording') return;
    const timer = setInterval(() => setElapsed((performance.now() - startedAtRef.current) / 1000), 200);
    return () => clearInterval(timer);
  }, [phase]);

  const beginRecording = useCallback(async () => {
    if (!stream || !take) return;
    const mimeType = pickRecorderMimeType();
    const recording = await api.call('capture.start', {
      sessionId,
      kind: take.kind,
      title: take.title,
      source: 'camera',
      mimeType,
      people: take.people,
    });
    recordingIdRef.current = recording.id;
    const uploader = new ChunkUploader(recording.id, (reason) => setUploadProblem(describeError(reason, t, locale)));
    uploaderRef.current = uploader;
    const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: resolution === '1080p' ? 5_000_000 : 2_500_000 });
    recorder.ondataavailable = (event) => uploader.enqueue(event.data);
    recorder.onstart = () => {
      startedAtRef.current = performance.now();
      setElapsed(0);
      setPhase('recording');
    };
    recorderRef.current = recorder;
    recorder.start(1000);
  }, [stream, take, resolution, sessionId, t, locale]);

  // 3-2-1 then record
  useEffect(() => {
    if (phase !== 'countdown') return;
    if (countdown === 0) {
      setPhase('starting'); // leaves 'countdown' at once: the recorder must start only once
      beginRecording().catch((reason: unknown) => {
        setError(reason);
        setPhase('setup');
      });
      return;
    }
    const timer = setTimeout(() => setCountdown((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [phase, countdown, beginRecording, setError]);

  const startCountdown = () => {
    setCountdown(COUNTDOWN_SECONDS);
    setPhase('countdown');
  };
  const cancelCountdown = useCallback(() => setPhase('setup'), []);

  const addMarker = useCallback(
    async (tag = '') => {
      const recordingId = recordingIdRef.current;
      if (phase !== 'recording' || recordingId === null) return;
      const atSeconds = Math.round(((performance.now() - startedAtRef.current) / 1000) * 1000) / 1000;
      try {
        const marker = await api.call('markers.add', { recordingId, atSeconds, tag });
        setMarkers((list) => [...list, marker]);
      } catch (reason) {
        setError(reason);
      }
    },
    [phase, setError],
  );

  const stop = useCallback(async () => {
    const recorder = recorderRef.current;
    const recordingId = recordingIdRef.current;
    if (!recorder || recordingId === null) return;
    setPhase('stopping');
    await new Promise<void>((resolve) => {
      recorder.onstop = () => resolve();
      recorder.stop();
    });
    try {
      await uploaderRef.current!.flush();
      await api.call('capture.finish', { recordingId });
      setPhase('finished');
    } catch (reason) {
      setError(reason);
      setPhase('setup');
    }
  }, [setError]);

  // after the render that says the take is finished, so the leave guard no longer holds the screen
  useEffect(() => {
    if (phase === 'finished') navigate({ name: 'session', sessionId });
  }, [phase, sessionId]);

  return { phase, countdown, elapsed, markers, uploadProblem, startCountdown, cancelCountdown, addMarker, stop };
}

export type Recorder = ReturnType<typeof useRecorder>;
