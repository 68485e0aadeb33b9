/**
 * Finds faces in a picture with the tiny face detector shipped in @vladmandic/face-api,
 * on TensorFlow.js's WebAssembly backend, with the model read from disk (no network).
 * Detection only: no recognition, landmarks, age, gender or expression model is ever
 * loaded (EU AI Act art. 5(1)(f) bans emotion inference at work and in education).
 */
import fs from 'node:fs';
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

/**
 * Files read by path (the WebAssembly binaries, the model's weights) are unpacked beside
 * app.asar in the installed app (electron-builder.yml, asarUnpack): that copy when it exists.
 */
export function preferUnpacked(file: string): string {
  const unpacked = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== file && fs.existsSync(unpacked) ? unpacked : file;
}

/** Where the WebAssembly binaries and the detector's model are, for a `require` of the app. */
export function faceDetectorFiles(load: NodeRequire = createRequire(__filename)): { wasmDir: string; modelDir: string } {
  const wasmDir = path.join(path.dirname(load.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  const modelDir = path.join(path.dirname(load.resolve('@vladmandic/face-api/package.json')), 'model');
  return { wasmDir: preferUnpacked(wasmDir), modelDir: preferUnpacked(modelDir) };
}

/** Loads face-api, the WebAssembly backend and the detector's weights once per thread (the detector's own: faceWorker). */
export function loadFaceDetector(): Promise<FaceApi> {
  loading ??= (async () => {
    const load = createRequire(__filename);
    const faceapi = load('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    const wasm = load('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
    const { wasmDir, modelDir } = faceDetectorFiles(load);
    wasm.setWasmPaths(`${wasmDir}${path.sep}`);
    await faceapi.tf.setBackend('wasm');
    await faceapi.tf.ready();
    if (!faceapi.nets.tinyFaceDetector.isLoaded) await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
    return faceapi;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The detector's input size for a frame this wide (a multiple of 32). */
export const inputSizeFor = (width: number) => Math.max(160, Math.min(640, Math.round(width / 32) * 32));

/** Faces in one RGB frame, as fractions of the frame, at time `t`. */
export async function detectFaces(
  faceapi: FaceApi,
  rgb: Uint8Array,
  width: number,
  height: number,
  t: number,
  inputSize = inputSizeFor(width),
): Promise<FaceDetection[]> {
  const tensor = faceapi.tf.tensor3d(rgb, [height, width, 3], 'int32');
  try {
    const found = await faceapi.detectAllFaces(
      tensor,
      new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: MIN_DETECTION_SCORE }),
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
