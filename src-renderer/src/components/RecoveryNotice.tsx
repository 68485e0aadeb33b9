/**
 * After a crash, start-up recovery cleaned up the exports and packs that were being
 * written; this notice says which, so the animator can start them again.
 */
import { useEffect, useState } from 'react';
import type { SystemInfo } from '../../../src-shared/contract/schemas';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function RecoveryNotice() {
  const { t } = useI18n();
  const [interrupted, setInterrupted] = useState<SystemInfo['interrupted']>([]);
  useEffect(() => {
    void api.call('system.info', {}).then(
      (info) => setInterrupted(info.interrupted),
      () => {},
    );
  }, []);
  if (interrupted.length === 0) return null;
  return (
    <div className="warning-banner" role="status">
      <strong>{t('recovery.title')}</strong>
      <ul>
        {interrupted.map((item, i) => (
          <li key={i}>{t(item.kind === 'pack' ? 'recovery.pack' : 'recovery.render', { label: item.label })}</li>
        ))}
      </ul>
      <button
        className="small"
        onClick={() => void api.call('system.dismissRecovery', {}).then((info) => setInterrupted(info.interrupted))}
      >
        {t('recovery.dismiss')}
      </button>
    </div>
  );
}
