/**
 * A share link that is a decompression bomb (compressed zeros) or simply far too long: refused
 * with a clear message, and the inflating stops at the cap instead of producing gigabytes.
 */
import { describe, expect, it, vi } from 'vitest';
import { decodeShare, MAX_JSON_BYTES, MAX_LINK_CHARS } from '../../src/lib/io/share-link';

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('a share link that inflates without end', () => {
  it('stops inflating at the cap and says why', async () => {
    // 64 MB of zeros compress to about 64 kB: a link within the length limit that would inflate 64 MB.
    const bomb = base64Url(await deflateRaw(new Uint8Array(64 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    // Count what the decompressor hands out: it must stop near the cap, not at 64 MB.
    let inflated = 0;
    const Real = globalThis.DecompressionStream;
    const spy = vi.spyOn(globalThis, 'DecompressionStream').mockImplementation(function (this: unknown, format: CompressionFormat) {
      const inner = new Real(format);
      const counted = inner.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, c) {
            inflated += chunk.length;
            c.enqueue(chunk);
          },
        }),
      );
      return { writable: inner.writable, readable: counted } as unknown as DecompressionStream;
    } as unknown as typeof DecompressionStream);
    const r = await decodeShare(bomb);
    spy.mockRestore();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message.en).toMatch(/limit/);
    expect(inflated).toBeLessThan(MAX_JSON_BYTES + 4 * 1024 * 1024);
  });

  it('refuses a link longer than any real one before decompressing anything', async () => {
    const spy = vi.spyOn(globalThis, 'DecompressionStream');
    const r = await decodeShare('A'.repeat(2_000_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message.zh).toMatch(/链接过长/);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
