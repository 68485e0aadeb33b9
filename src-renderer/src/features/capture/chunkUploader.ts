/**
 * Sends recording chunks to the main side one after another, in order, retrying a
 * failed send a few times (the main side acknowledges a resent chunk idempotently).
 * `flush()` resolves once everything queued is stored.
 */
import { api } from '../../api/client';

const RETRIES = 4;

export class ChunkUploader {
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  bytesStored = 0;

  constructor(
    private readonly recordingId: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  enqueue(blob: Blob): void {
    if (blob.size === 0) return;
    const seq = this.seq++;
    this.chain = this.chain.then(() => this.send(seq, blob));
  }

  private async send(seq: number, blob: Blob): Promise<void> {
    if (this.failure) return;
    const data = new Uint8Array(await blob.arrayBuffer());
    for (let attempt = 0; ; attempt++) {
      try {
        const ack = await api.call('capture.appendChunk', { recordingId: this.recordingId, seq, data });
        this.bytesStored = ack.bytes;
        return;
      } catch (error) {
        if (attempt >= RETRIES) {
          this.failure = error;
          this.onError(error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 300 * (attempt + 1)));
      }
    }
  }

  async flush(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }
}
