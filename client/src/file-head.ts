// Reads the first bytes of a file without reading the rest: deciding whether a file is a device config needs its
// header or first prompt, and a folder of large captures must not be read whole just to decide that.
import { open } from 'node:fs/promises';
import { HEAD_BYTES } from '../../server/src/core/detect';

/** The file's first `bytes` bytes as UTF-8 text (a character cut at the end becomes U+FFFD, which no pattern needs). */
export async function readHead(path: string, bytes: number = HEAD_BYTES): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}
