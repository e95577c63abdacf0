// What reading a workspace file from disk can come to, and the size limit it applies: shared by the Node server's
// `disk.ts` and the web worker build's stand-in `disk.web.ts`, so the two cannot drift.
import { MAX_DEVICE_FILE_BYTES } from '../core/detect';

/** Open documents have no size limit; files read from disk share the CLI's. */
export const MAX_INDEXED_FILE_BYTES = MAX_DEVICE_FILE_BYTES;

export type DiskRead =
  | { kind: 'device'; text: string }
  | { kind: 'not-device' }
  | { kind: 'missing' }
  | { kind: 'too-large' }
  | { kind: 'link' };
