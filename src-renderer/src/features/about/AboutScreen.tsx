/**
 * À propos: version, the versions of what runs it, which ffmpeg is used, and the
 * licences of everything shipped (FFmpeg's GPL and where its sources are first).
 */
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';

export function AboutScreen() {
  const { t } = useI18n();
  const { data: about, error } = useApiData(() => api.call('about.info', {}), []);
  return (
    <main className="screen about-screen">
      <h1>{t('about.title')}</h1>
      <ErrorBanner error={error} />
      {about && (
        <>
          <section className="card">
            <p>
              <strong>ERIC Studio {about.appVersion}</strong>
            </p>
            <p className="muted">{t('about.purpose')}</p>
            <ul>
              {about.versions.electron && <li>Electron {about.versions.electron}</li>}
              {about.versions.chrome && <li>Chromium {about.versions.chrome}</li>}
              <li>Node.js {about.versions.node}</li>
              <li>{about.platform}</li>
              <li>
                ffmpeg : {about.ffmpeg.path ?? t('about.ffmpegMissing')}
                {about.ffmpeg.source ? ` (${t(`settings.ffmpegSource.${about.ffmpeg.source as 'bundled'}`)})` : ''}
              </li>
            </ul>
          </section>
          <section className="card" aria-labelledby="about-licences">
            <h2 id="about-licences">{t('about.licences')}</h2>
            <p className="field-help">{t('about.licencesHelp')}</p>
            {about.licences.map((licence) => (
              <details key={licence.id}>
                <summary>{licence.title}</summary>
                <pre className="licence-text">{licence.text}</pre>
              </details>
            ))}
          </section>
        </>
      )}
    </main>
  );
}
