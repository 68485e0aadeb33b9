/**
 * Tracks every ffmpeg child process we start, so quitting the app (or cancelling a
 * job) never leaves an orphan encoder writing to the disk.
 */
import type { ChildProcess } from 'node:child_process';

export class ProcessRegistry {
  private readonly running = new Set<ChildProcess>();

  add(child: ChildProcess): void {
    this.running.add(child);
    child.once('exit', () => this.running.delete(child));
    child.once('error', () => this.running.delete(child));
  }

  get size(): number {
    return this.running.size;
  }

  killAll(): void {
    for (const child of this.running) {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    this.running.clear();
  }
}

export const defaultProcessRegistry = new ProcessRegistry();
