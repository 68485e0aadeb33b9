/**
 * Filming a take: choose camera, microphone and quality, see the preview and the
 * sound level, 3-2-1, then record. Chunks go to the main side every second (a crash
 * loses at most that); markers (key M or buttons) are saved at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Marker, Person, RecordingKind } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { ChunkUploader } from './chunkUploader';
import { LevelMeter } from './levelMeter';
import { formatClock } from '../../../../src-shared/time';
import { pickRecorderMimeType, RESOLUTIONS, type ResolutionName } from './recorderMime';
import { describeError, ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useApiData } from '../../app/useApiData';

type Phase = 'setup' | 'countdown' | 'starting' | 'recording' | 'stopping';
const DEVICE_KEY = 'eric-studio.devices';
const COUNTDOWN_SECONDS = 3;
/** Who plays what in the take, stored with the link between the recording and the person. */
const PARTS = {
  interview: ['candidate', 'recruiter', 'observer'],
  testimony: ['speaker', 'interviewer'],
} as const;

interface RememberedDevices {
  camera?: string;
  microphone?: string;
  resolution?: ResolutionName;
}

function remembered(): RememberedDevices {
  try {
    return JSON.parse(localStorage.getItem(DEVICE_KEY) ?? '{}') as RememberedDevices;
  } catch {
    return {};
  }
}

export function RecordScreen({ sessionId }: { sessionId: number }) {
  const { t } = useI18n();
  const { data } = useApiData(
    async () => {
      const session = await api.call('sessions.get', { id: sessionId });
      const people = await api.call('people.list', { projectId: session.projectId });
      const project = await api.call('projects.get', { id: session.projectId });
      const consent = await api.call('consent.dashboard', { projectId: session.projectId });
      return { session, people, project, consent };
    },
    [sessionId],
    ['session', 'person', 'project', 'consent'],
  );

  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState(remembered().camera ?? '');
  const [microphoneId, setMicrophoneId] = useState(remembered().microphone ?? '');
  const [resolution, setResolution] = useState<ResolutionName>(remembered().resolution ?? '720p');
  const [kind, setKind] = useState<RecordingKind | null>(null);
  const [title, setTitle] = useState('');
  const [selectedPeople, setSelectedPeople] = useState<number[]>([]);
  const [parts, setParts] = useState<Record<number, string>>({});
  const [phase, setPhase] = useState<Phase>('setup');
  const [countdown, setCountdown] = useState(COUNTDOWN_SECONDS);
  const [elapsed, setElapsed] = useState(0);
  const [level, setLevel] = useState(0);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [deviceError, setDeviceError] = useState<string | null>(null);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);

  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const uploaderRef = useRef<ChunkUploader | null>(null);
  const recordingIdRef = useRef<number | null>(null);
  const startedAtRef = useRef(0);

  const effectiveKind: RecordingKind = kind ?? (data?.project.kind === 'testimony-campaign' ? 'testimony' : 'interview');

  // camera + microphone stream for the chosen devices and quality
  useEffect(() => {
    let cancelled = false;
    let meter: LevelMeter | null = null;
    let frame = 0;
    const { width, height } = RESOLUTIONS[resolution];
    navigator.mediaDevices
      .getUserMedia({
        video: { ...(cameraId ? { deviceId: { exact: cameraId } } : {}), width: { ideal: width }, height: { ideal: height } },
        audio: microphoneId ? { deviceId: { exact: microphoneId } } : true,
      })
      .then(async (stream) => {
        if (cancelled) return stream.getTracks().forEach((track) => track.stop());
        streamRef.current = stream;
        setDeviceError(null);
        if (videoRef.current) videoRef.current.srcObject = stream;
        setDevices(await navigator.mediaDevices.enumerateDevices());
        meter = new LevelMeter(stream);
        const tick = () => {
          setLevel(meter!.level());
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch((reason: unknown) => {
        if (!cancelled) setDeviceError(reason instanceof Error ? reason.message : String(reason));
      });
    localStorage.setItem(DEVICE_KEY, JSON.stringify({ camera: cameraId, microphone: microphoneId, resolution }));
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      meter?.close();
      streamRef.current?.getTracks().forEach((track) => track.stop());
      streamRef.current = null;
    };
  }, [cameraId, microphoneId, resolution]);

  // elapsed clock while recording
  useEffect(() => {
    if (phase !== 'recording') return;
    const timer = setInterval(() => setElapsed((performance.now() - startedAtRef.current) / 1000), 200);
    return () => clearInterval(timer);
  }, [phase]);

  const beginRecording = useCallback(async () => {
    const stream = streamRef.current;
    if (!stream || !data) return;
    const mimeType = pickRecorderMimeType();
    const recording = await api.call('capture.start', {
      sessionId,
      kind: effectiveKind,
      title,
      source: 'camera',
      mimeType,
      people: selectedPeople.map((personId) => ({ personId, ...(parts[personId] ? { part: parts[personId] } : {}) })),
    });
    recordingIdRef.current = recording.id;
    const uploader = new ChunkUploader(recording.id, (reason) => setUploadProblem(describeError(reason, t)));
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
  }, [data, effectiveKind, parts, resolution, selectedPeople, sessionId, t, title]);

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
  }, [phase, countdown, beginRecording]);

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
    [phase],
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
      navigate({ name: 'session', sessionId });
    } catch (reason) {
      setError(reason);
      setPhase('setup');
    }
  }, [sessionId]);

  // keyboard: M drops a marker, Escape cancels the countdown
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.key === 'm' || event.key === 'M') void addMarker();
      if (event.key === 'Escape' && phase === 'countdown') setPhase('setup');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addMarker, phase]);

  const cameras = devices.filter((device) => device.kind === 'videoinput');
  const microphones = devices.filter((device) => device.kind === 'audioinput');
  const busy = phase !== 'setup';
  const notFilmable = (data?.consent.people ?? []).filter(
    (entry) => selectedPeople.includes(entry.personId) && entry.recordingConsent.decision === 'refused',
  );
  const togglePerson = (person: Person) =>
    setSelectedPeople((list) => (list.includes(person.id) ? list.filter((id) => id !== person.id) : [...list, person.id]));

  return (
    <main className="screen record-screen">
      <a className="back-link" href={hrefFor({ name: 'session', sessionId })}>
        <Icon name="back" /> {t('session.back')}
      </a>
      <h1>{t('record.title')}</h1>
      <ErrorBanner error={error} />
      {deviceError && (
        <div className="error-banner" role="alert">
          {t('record.noCamera', { reason: deviceError })}
        </div>
      )}
      {notFilmable.length > 0 && (
        <div className="warning-banner" role="alert">
          {t('record.notFilmable', { names: notFilmable.map((entry) => entry.displayName).join(', ') })}{' '}
          {notFilmable.map((entry) => (
            <a key={entry.personId} href={hrefFor({ name: 'personConsent', personId: entry.personId })}>
              {t('consent.open')} — {entry.displayName}
            </a>
          ))}
        </div>
      )}
      {uploadProblem && (
        <div className="error-banner" role="alert">
          {t('record.uploadProblem', { reason: uploadProblem })}
        </div>
      )}
      <div className="record-layout">
        <div className="preview-column">
          <div className="preview">
            <video ref={videoRef} autoPlay muted playsInline aria-label={t('record.camera')} />
            {phase === 'countdown' && (
              <div className="countdown" role="status" aria-live="assertive">
                {t('record.countdown', { n: countdown })}
              </div>
            )}
            {(phase === 'recording' || phase === 'stopping') && (
              <div className="rec-indicator" role="status" aria-label={t('record.rec')}>
                <span className="rec-dot" aria-hidden="true" /> {t('record.rec')}{' '}
                <span className="elapsed" aria-label={t('record.elapsed')}>
                  {formatClock(elapsed)}
                </span>
              </div>
            )}
          </div>
          <div
            className="level"
            role="meter"
            aria-label={t('record.level')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(level * 100)}
          >
            <div className="level-fill" style={{ width: `${Math.round(level * 100)}%` }} />
          </div>
          <div className="record-actions">
            {phase === 'setup' && (
              <button
                className="primary huge"
                disabled={!!deviceError || !data}
                onClick={() => {
                  setCountdown(COUNTDOWN_SECONDS);
                  setPhase('countdown');
                }}
              >
                <span className="rec-dot" aria-hidden="true" /> {t('record.start')}
              </button>
            )}
            {phase === 'countdown' && (
              <button className="huge" onClick={() => setPhase('setup')}>
                {t('record.cancel')}
              </button>
            )}
            {phase === 'recording' && (
              <button className="danger-solid huge" onClick={() => void stop()}>
                <span className="stop-square" aria-hidden="true" /> {t('record.stop')}
              </button>
            )}
            {phase === 'starting' && <p role="status">{t('app.loading')}</p>}
            {phase === 'stopping' && <p role="status">{t('record.saving')}</p>}
          </div>
          {phase === 'recording' && (
            <div className="marker-buttons" aria-label={t('record.markerTags')}>
              <button onClick={() => void addMarker()}>{t('record.marker')}</button>
              <button onClick={() => void addMarker(t('record.tag.good'))}>{t('record.tag.good')}</button>
              <button onClick={() => void addMarker(t('record.tag.review'))}>{t('record.tag.review')}</button>
              <button onClick={() => void addMarker(t('record.tag.question'))}>{t('record.tag.question')}</button>
            </div>
          )}
          {markers.length > 0 && (
            <ul className="item-list" aria-label={t('record.markersList')}>
              {markers.map((marker) => (
                <li key={marker.id} className="item">
                  <span>
                    <strong>{formatClock(marker.atSeconds)}</strong> {marker.tag}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <form className="card record-settings" onSubmit={(event) => event.preventDefault()} aria-label={t('record.title')}>
          <Field label={t('record.camera')}>
            {(id) => (
              <select id={id} value={cameraId} disabled={busy} onChange={(e) => setCameraId(e.target.value)}>
                {cameras.map((device, index) => (
                  <option key={device.deviceId || index} value={device.deviceId}>
                    {device.label || `${t('record.camera')} ${index + 1}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('record.microphone')}>
            {(id) => (
              <select id={id} value={microphoneId} disabled={busy} onChange={(e) => setMicrophoneId(e.target.value)}>
                {microphones.map((device, index) => (
                  <option key={device.deviceId || index} value={device.deviceId}>
                    {device.label || `${t('record.microphone')} ${index + 1}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('record.resolution')}>
            {(id) => (
              <select id={id} value={resolution} disabled={busy} onChange={(e) => setResolution(e.target.value as ResolutionName)}>
                <option value="720p">720p (conseillé)</option>
                <option value="1080p">1080p</option>
              </select>
            )}
          </Field>
          <fieldset className="choice-group" disabled={busy}>
            <legend>{t('record.kind')}</legend>
            {(['interview', 'testimony'] as const).map((value) => (
              <label key={value} className={`choice ${effectiveKind === value ? 'selected' : ''}`}>
                <input type="radio" name="recording-kind" value={value} checked={effectiveKind === value} onChange={() => setKind(value)} />
                <span className="choice-title">{t(`recording.kind.${value}`)}</span>
              </label>
            ))}
          </fieldset>
          <Field label={t('record.videoTitle')}>
            {(id) => <input id={id} value={title} disabled={busy} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <fieldset className="people-picker" disabled={busy}>
            <legend>{t('record.people')}</legend>
            {data?.people.length === 0 && <p className="muted">{t('record.noPeople')}</p>}
            {data?.people.map((person) => (
              <div key={person.id} className="person-pick">
                <label className="check">
                  <input type="checkbox" checked={selectedPeople.includes(person.id)} onChange={() => togglePerson(person)} />
                  {person.displayName} <span className="muted">· {t(`role.${person.role}`)}</span>
                </label>
                {selectedPeople.includes(person.id) && (
                  <select
                    aria-label={t('record.partOf', { name: person.displayName })}
                    value={parts[person.id] ?? ''}
                    onChange={(e) => setParts((current) => ({ ...current, [person.id]: e.target.value }))}
                  >
                    <option value="">{t('record.part.none')}</option>
                    {PARTS[effectiveKind].map((part) => (
                      <option key={part} value={part}>
                        {t(`record.part.${part}`)}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            ))}
          </fieldset>
        </form>
      </div>
    </main>
  );
}
