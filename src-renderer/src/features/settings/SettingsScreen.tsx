/**
 * Réglages: where the library is (and moving it), default camera, microphone and
 * resolution, ffmpeg and ffprobe, language, consent duration for new projects, logs.
 * Folder and program choices use the desktop app's dialogs; in a browser they are shown
 * read-only with a plain explanation.
 */
import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';
import { readCaptureDefaults, writeCaptureDefaults, type CaptureDefaults, type Resolution } from '../capture/captureDefaults';

type Action = 'open-logs-folder' | 'open-library-folder' | 'choose-library-folder' | 'move-library' | 'choose-ffmpeg' | 'choose-ffprobe';

function useDevices(): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    const list = () =>
      navigator.mediaDevices
        ?.enumerateDevices()
        .then(setDevices)
        .catch(() => setDevices([]));
    void list();
    navigator.mediaDevices?.addEventListener?.('devicechange', list);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', list);
  }, []);
  return devices;
}

export function SettingsScreen() {
  const { t, locale, setLocale } = useI18n();
  const { data, error: loadError, reload } = useApiData(() => api.call('settings.get', {}), []);
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [capture, setCapture] = useState<CaptureDefaults>(readCaptureDefaults);
  const [ffmpegPath, setFfmpegPath] = useState('');
  const [ffprobePath, setFfprobePath] = useState('');
  const devices = useDevices();

  useEffect(() => {
    if (!data) return;
    setView(data);
    setFfmpegPath(data.ffmpegPath ?? '');
    setFfprobePath(data.ffprobePath ?? '');
  }, [data]);

  async function update(input: Parameters<typeof api.call<'settings.update'>>[1]) {
    setError(null);
    setNotice(null);
    try {
      setView(await api.call('settings.update', input));
      setNotice(t('settings.saved'));
    } catch (reason) {
      setError(reason);
    }
  }

  async function run(action: Action) {
    setError(null);
    setNotice(null);
    try {
      const outcome = await api.call('desktop.action', { action });
      if (outcome.restarting) setNotice(t('settings.restarting'));
      else if (outcome.message) setNotice(outcome.message);
      if (outcome.done && !outcome.restarting) reload();
    } catch (reason) {
      setError(reason);
    }
  }

  function changeCapture(change: CaptureDefaults) {
    const next = { ...capture, ...change };
    setCapture(next);
    writeCaptureDefaults(next);
    setNotice(t('settings.saved'));
  }

  if (!view) {
    return (
      <main className="screen">
        <h1>{t('settings.title')}</h1>
        <ErrorBanner error={loadError} />
      </main>
    );
  }
  const cameras = devices.filter((device) => device.kind === 'videoinput');
  const microphones = devices.filter((device) => device.kind === 'audioinput');
  const sourceLabel = view.ffmpeg.source ? t(`settings.ffmpegSource.${view.ffmpeg.source}`) : '';

  return (
    <main className="screen settings-screen">
      <h1>{t('settings.title')}</h1>
      <ErrorBanner error={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}

      <section className="card" aria-labelledby="settings-library">
        <h2 id="settings-library">{t('settings.library')}</h2>
        <p>
          {t('settings.libraryHere')} <code>{view.libraryDir}</code>
        </p>
        {view.desktop ? (
          <>
            {view.defaultLibraryDir && view.defaultLibraryDir !== view.libraryDir && (
              <p className="muted">
                {t('settings.libraryDefault')} <code>{view.defaultLibraryDir}</code>
              </p>
            )}
            <div className="actions">
              <button type="button" onClick={() => void run('open-library-folder')}>
                {t('settings.openLibrary')}
              </button>
              <button type="button" onClick={() => void run('move-library')}>
                {t('settings.moveLibrary')}
              </button>
              <button type="button" onClick={() => void run('choose-library-folder')}>
                {t('settings.useOtherLibrary')}
              </button>
            </div>
            <p className="field-help">{t('settings.moveHelp')}</p>
          </>
        ) : (
          <p className="muted">{t('settings.desktopOnly')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="settings-capture">
        <h2 id="settings-capture">{t('settings.capture')}</h2>
        <Field label={t('settings.camera')}>
          {(id) => (
            <select id={id} value={capture.camera ?? ''} onChange={(e) => changeCapture({ camera: e.target.value })}>
              <option value="">{t('settings.systemDefault')}</option>
              {cameras.map((device, index) => (
                <option key={device.deviceId || index} value={device.deviceId}>
                  {device.label || `${t('settings.camera')} ${index + 1}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('settings.microphone')}>
          {(id) => (
            <select id={id} value={capture.microphone ?? ''} onChange={(e) => changeCapture({ microphone: e.target.value })}>
              <option value="">{t('settings.systemDefault')}</option>
              {microphones.map((device, index) => (
                <option key={device.deviceId || index} value={device.deviceId}>
                  {device.label || `${t('settings.microphone')} ${index + 1}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('settings.resolution')}>
          {(id) => (
            <select
              id={id}
              value={capture.resolution ?? '720p'}
              onChange={(e) => changeCapture({ resolution: e.target.value as Resolution })}
            >
              <option value="720p">{t('settings.resolution720')}</option>
              <option value="1080p">1080p</option>
            </select>
          )}
        </Field>
      </section>

      <section className="card" aria-labelledby="settings-tools">
        <h2 id="settings-tools">{t('settings.tools')}</h2>
        {view.ffmpeg.found ? (
          <p>
            {t('settings.ffmpegFound')} <code>{view.ffmpeg.ffmpeg}</code> ({sourceLabel}), ffprobe <code>{view.ffmpeg.ffprobe}</code>
          </p>
        ) : (
          <p className="error-text" role="alert">
            {view.ffmpeg.problem}
          </p>
        )}
        {view.desktop ? (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              void update({ ffmpegPath: ffmpegPath.trim() || null, ffprobePath: ffprobePath.trim() || null });
            }}
          >
            <Field label={t('settings.ffmpegPath')} help={t('settings.toolHelp')}>
              {(id, describedBy) => (
                <div className="field-row">
                  <input id={id} aria-describedby={describedBy} value={ffmpegPath} onChange={(e) => setFfmpegPath(e.target.value)} />
                  <button type="button" onClick={() => void run('choose-ffmpeg')}>
                    {t('settings.choose')}
                  </button>
                </div>
              )}
            </Field>
            <Field label={t('settings.ffprobePath')}>
              {(id) => (
                <div className="field-row">
                  <input id={id} value={ffprobePath} onChange={(e) => setFfprobePath(e.target.value)} />
                  <button type="button" onClick={() => void run('choose-ffprobe')}>
                    {t('settings.choose')}
                  </button>
                </div>
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="primary">
                {t('settings.save')}
              </button>
              <button type="button" onClick={() => void update({ ffmpegPath: null, ffprobePath: null })}>
                {t('settings.toolsAutomatic')}
              </button>
            </div>
          </form>
        ) : (
          <p className="muted">{t('settings.desktopOnly')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="settings-general">
        <h2 id="settings-general">{t('settings.general')}</h2>
        <Field label={t('settings.language')}>
          {(id) => (
            <select
              id={id}
              value={locale}
              onChange={(e) => {
                const language = e.target.value === 'en' ? 'en' : 'fr';
                setLocale(language);
                void update({ language });
              }}
            >
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <Field label={t('settings.retention')} help={t('settings.retentionHelp')}>
          {(id, describedBy) => (
            <input
              id={id}
              type="number"
              min={1}
              max={120}
              aria-describedby={describedBy}
              defaultValue={view.retentionMonths}
              onBlur={(e) => {
                const months = Number(e.target.value);
                if (Number.isInteger(months) && months !== view.retentionMonths) void update({ retentionMonths: months });
              }}
            />
          )}
        </Field>
      </section>

      {view.desktop && (
        <section className="card" aria-labelledby="settings-logs">
          <h2 id="settings-logs">{t('settings.logs')}</h2>
          <p className="field-help">{t('settings.logsHelp')}</p>
          <button type="button" onClick={() => void run('open-logs-folder')}>
            {t('settings.openLogs')}
          </button>
        </section>
      )}
    </main>
  );
}
