/**
 * The app frame: top bar with the language switch, and the current screen.
 */
import { useEffect, useRef } from 'react';
import { ConfirmProvider } from '../components/ConfirmDialog';
import { installFieldMessages } from '../components/fieldMessages';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { useRoute, hrefFor } from './router';
import { HomeScreen } from '../features/projects/HomeScreen';
import { ProjectScreen } from '../features/projects/ProjectScreen';
import { RecordScreen } from '../features/capture/RecordScreen';
import { SessionScreen } from '../features/projects/SessionScreen';
import { ConsentDashboardScreen } from '../features/consent/ConsentDashboardScreen';
import { PersonConsentScreen } from '../features/consent/PersonConsentScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { MontageScreen } from '../features/editing/MontageScreen';
import { JobsTray } from './JobsTray';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { AboutScreen } from '../features/about/AboutScreen';

function Frame() {
  const route = useRoute();
  const { t, locale, setLocale } = useI18n();
  // every form's required and out-of-range fields explain themselves in the app's language
  const translate = useRef(t);
  translate.current = t;
  useEffect(() => installFieldMessages(document, () => translate.current), []);
  return (
    <>
      <nav className="top-bar" aria-label={t('app.title')}>
        <a className="brand" href={hrefFor({ name: 'home' })}>
          {t('app.title')}
        </a>
        <a className="top-link" href={hrefFor({ name: 'settings' })}>
          {t('settings.open')}
        </a>
        <a className="top-link" href={hrefFor({ name: 'about' })}>
          {t('about.open')}
        </a>
        <label className="locale">
          {t('app.language')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'fr')}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </nav>
      {route.name === 'project' && <ProjectScreen key={route.projectId} projectId={route.projectId} />}
      {route.name === 'session' && <SessionScreen key={route.sessionId} sessionId={route.sessionId} />}
      {route.name === 'record' && <RecordScreen key={route.sessionId} sessionId={route.sessionId} />}
      {route.name === 'consentDashboard' && <ConsentDashboardScreen key={route.projectId} projectId={route.projectId} />}
      {route.name === 'personConsent' && <PersonConsentScreen key={route.personId} personId={route.personId} />}
      {route.name === 'review' && <ReviewScreen key={route.recordingId} recordingId={route.recordingId} />}
      {route.name === 'montage' && <MontageScreen key={route.montageId} montageId={route.montageId} />}
      {route.name === 'home' && <HomeScreen />}
      {route.name === 'settings' && <SettingsScreen />}
      {route.name === 'about' && <AboutScreen />}
      <JobsTray />
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ConfirmProvider>
        <Frame />
      </ConfirmProvider>
    </I18nProvider>
  );
}
