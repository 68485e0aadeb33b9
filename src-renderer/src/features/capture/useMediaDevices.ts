/**
 * The camera and microphone stream for the chosen devices and quality, shown in the
 * preview; the device lists; the choice remembered on this machine for the next take.
 */
import { useEffect, useRef, useState } from 'react';
import { RESOLUTIONS, type ResolutionName } from './recorderMime';
import { readCaptureDefaults, writeCaptureDefaults } from './captureDefaults';

export function useMediaDevices() {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState(readCaptureDefaults().camera ?? '');
  const [microphoneId, setMicrophoneId] = useState(readCaptureDefaults().microphone ?? '');
  const [resolution, setResolution] = useState<ResolutionName>(readCaptureDefaults().resolution ?? '720p');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [deviceError, setDeviceError] = useState<string | null>(null);
  const previewRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    const { width, height } = RESOLUTIONS[resolution];
    navigator.mediaDevices
      .getUserMedia({
        video: { ...(cameraId ? { deviceId: { exact: cameraId } } : {}), width: { ideal: width }, height: { ideal: height } },
        audio: microphoneId ? { deviceId: { exact: microphoneId } } : true,
      })
      .then(async (granted) => {
        if (cancelled) return granted.getTracks().forEach((track) => track.stop());
        opened = granted;
        setStream(granted);
        setDeviceError(null);
        if (previewRef.current) previewRef.current.srcObject = granted;
        setDevices(await navigator.mediaDevices.enumerateDevices());
      })
      .catch((reason: unknown) => {
        if (!cancelled) setDeviceError(reason instanceof Error ? reason.message : String(reason));
      });
    writeCaptureDefaults({ camera: cameraId, microphone: microphoneId, resolution });
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((track) => track.stop());
      setStream(null);
    };
  }, [cameraId, microphoneId, resolution]);

  return {
    previewRef,
    stream,
    deviceError,
    cameras: devices.filter((device) => device.kind === 'videoinput'),
    microphones: devices.filter((device) => device.kind === 'audioinput'),
    cameraId,
    setCameraId,
    microphoneId,
    setMicrophoneId,
    resolution,
    setResolution,
  };
}

export type MediaDevices = ReturnType<typeof useMediaDevices>;
