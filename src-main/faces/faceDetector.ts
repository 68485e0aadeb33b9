/**
 * Finds faces in a picture with the tiny face detector shipped in @vladmandic/face-api,
 * on TensorFlow.js's WebAssembly backend, with the model read from disk (no network).
 * Detection only: no recognition, landmarks, age, gender or expression model is ever
 * loaded (EU AI Act art. 5(1)(f) bans emotion inference at work and in education).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FaceDetection } from './faceTracker';

/** The only model this module loads. */
export const FACE_DETECTOR_NAME = 'tiny_face_detector';
/** Under this score a candidate is dropped; between it and LOW_CONFIDENCE it is kept as uncertain. */
export const MIN_DETECTION_SCORE = 0.3;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface FaceApi {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    getBackend(): string;
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
  };
  nets: { tinyFaceDetector: { loadFromDisk(dir: string): Promise<void>; isLoaded: boolean } };
  TinyFaceDetectorOptions: new (options: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: unknown, options: unknown): Promise<Array<{ score: number; box: Box }>>;
}

let loading: Promise<FaceApi> | null = null;

/** Loads face-api, the WebAssembly backend and the detector's weights once per process. */
export function loadFaceDetector(): Promise<FaceApi> {
  loading ??= (async () => {
    const load = createRequire(__filename);
    const faceapi = load('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    const wasm = load('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
    wasm.setWasmPaths(`${path.join(path.dirname(load.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}${path.sep}`);
    await faceapi.tf.setBackend('wasm');
    await faceapi.tf.ready();
    const models = path.join(path.dirname(load.resolve('@vladmandic/face-api/package.json')), 'model');
    if (!faceapi.nets.tinyFaceDetector.isLoaded) await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
    return faceapi;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The detector's input size for a frame this wide (a multiple of 32). */
export const inputSizeFor = (width: number) => Math.max(160, Math.min(608, Math.round(width / 32) * 32));

/** Faces in one RGB frame, as fractions of the frame, at time `t`. */
export async function detectFaces(faceapi: FaceApi, rgb: Uint8Array, width: number, height: number, t: number): Promise<FaceDetection[]> {
  const tensor = faceapi.tf.tensor3d(rgb, [height, width, 3], 'int32');
  try {
    const found = await faceapi.detectAllFaces(
      tensor,
      new faceapi.TinyFaceDetectorOptions({ inputSize: inputSizeFor(width), scoreThreshold: MIN_DETECTION_SCORE }),
    );
    return found.map(({ score, box }) => {
      const x = Math.max(0, box.x / width);
      const y = Math.max(0, box.y / height);
      return {
        t,
        x,
        y,
        w: Math.min(1 - x, box.width / width),
        h: Math.min(1 - y, box.height / height),
        score: Math.round(score * 1000) / 1000,
      };
    });
  } finally {
    tensor.dispose();
  }
}
