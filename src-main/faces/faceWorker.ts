/**
 * The face detector's own thread (a worker_threads Worker, started by faceDetectorThread):
 * loads face-api, TensorFlow.js's WebAssembly backend and the detector's weights once, then
 * answers one frame at a time. Keeping the detector here leaves the main process (Electron's
 * IPC, the media protocol, the UI's requests) free while a long recording is analysed.
 * Built as its own entry (out/main/faceWorker.js); from sources it runs through tsx.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { detectFaces, loadFaceDetector } from './faceDetector';
import type { FaceWorkerReply, FaceWorkerRequest } from './faceDetectorThread';

const port = parentPort;
if (!port) throw new Error('faceWorker runs only as a worker thread.');

async function answer(request: FaceWorkerRequest): Promise<FaceWorkerReply> {
  try {
    if (request.type === 'load') {
      const started = performance.now();
      await loadFaceDetector();
      return { type: 'loaded', id: request.id, threadId, loadMs: performance.now() - started };
    }
    const faceapi = await loadFaceDetector();
    const { width, height, t, inputSize } = request;
    const faces = await detectFaces(faceapi, new Uint8Array(request.rgb), width, height, t, inputSize);
    return { type: 'faces', id: request.id, threadId, faces };
  } catch (error) {
    return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (request: FaceWorkerRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
