/**
 * Choosing the camera, the microphone and the quality; locked once a take starts.
 */
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import type { ResolutionName } from './recorderMime';
import type { MediaDevices } from './useMediaDevices';

export function DevicePicker({ devices, busy }: { devices: MediaDevices; busy: boolean }) {
  const { t } = useI18n();
  const { cameras, microphones, cameraId, setCameraId, microphoneId, setMicrophoneId, resolution, setResolution } = devices;
  return (
    <>
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
            <option value="720p">{t('capture.quality720')}</option>
            <option value="1080p">1080p</option>
          </select>
        )}
      </Field>
    </>
  );
}
