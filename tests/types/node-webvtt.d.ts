// Types for the parts of node-webvtt the tests use.
declare module 'node-webvtt' {
  export function parse(
    input: string,
    options?: { strict?: boolean },
  ): { valid: boolean; cues: Array<{ identifier: string; start: number; end: number; text: string }> };
}
