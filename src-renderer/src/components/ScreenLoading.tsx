/**
 * What a screen shows until its data has come: "loading", or why it did not come.
 * `children` (a back link) stay reachable while waiting.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorBanner } from './ErrorBanner';

export function ScreenLoading({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="screen">
      {children}
      <ErrorBanner error={error} />
      {!error && <p>{t('app.loading')}</p>}
    </main>
  );
}
