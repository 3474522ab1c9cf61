/**
 * A small, dependency-free reader of the PDFs Chromium prints (Skia): the page count and the text,
 * enough for a test to check what is on paper. Streams are inflated with node:zlib; each font's
 * ToUnicode CMap maps its glyph codes back to text; `/ActualText` spans replace their glyphs.
 * Text-show operators are joined in stream order (a space between runs), so a test should compare
 * without whitespace (`compact`).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const body = m[2];
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const start = m.index + m[0].indexOf(body) + at + body.slice(at).match(/stream\r?\n/)![0].length;
    const end = s.indexOf('endstream', start);
    let raw = Buffer.from(s.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(body.slice(0, at))) {
      try {
        raw = inflateSync(raw);
      } catch {
        // a stream we cannot read: left as is
      }
    }
    out.set(Number(m[1]), { dict: body.slice(0, at), stream: raw });
  }
  return out;
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

interface CMap {
  bytes: number;
  map: Map<number, string>;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const bytes = space ? space[1].length / 2 : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(code, 16), utf16(uni));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const a = parseInt(lo, 16);
      const b = parseInt(hi, 16);
      if (rest.startsWith('[')) {
        [...rest.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((u, i) => map.set(a + i, utf16(u[1])));
      } else {
        const base = parseInt(rest.slice(1, -1), 16);
        for (let c = a; c <= b; c++) map.set(c, String.fromCharCode(base + (c - a)));
      }
    }
  }
  return { bytes, map };
}

/** Number of pages (page objects, not the page tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The text of every page, in stream order. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fontCMap = new Map<string, CMap>();
  for (const o of objs.values()) {
    for (const [, name, ref] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objs.get(Number(ref));
      const uni = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = uni && objs.get(Number(uni[1]))?.stream;
      if (cmap && !fontCMap.has(name)) fontCMap.set(name, parseCMap(cmap.toString('latin1')));
    }
  }
  const parts: string[] = [];
  for (const o of objs.values()) {
    if (!o.stream || /\/Subtype\s*\/Image|\/Length1|\/FontFile/.test(o.dict)) continue;
    const content = o.stream.toString('latin1');
    if (!/Tj|TJ/.test(content)) continue;
    let cmap: CMap | undefined;
    let actual: string | null = null;
    let actualUsed = false;
    const tokens = /\/(F\d+)\s+[\d.]+\s+Tf|\/ActualText\s*<([0-9a-fA-F]+)>|\bEMC\b|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g;
    for (let m = tokens.exec(content); m; m = tokens.exec(content)) {
      if (m[1]) cmap = fontCMap.get(m[1]);
      else if (m[2] !== undefined) ((actual = utf16(m[2].replace(/^feff/i, ''))), (actualUsed = false));
      else if (m[0] === 'EMC') actual = null;
      else if (m[0] === 'ET') parts.push('\n');
      else {
        const hexes = m[3] !== undefined ? [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [m[4]];
        if (actual !== null) {
          if (!actualUsed) parts.push(actual);
          actualUsed = true;
          continue;
        }
        const bytes = cmap?.bytes ?? 2;
        for (const hex of hexes) {
          for (let i = 0; i + bytes * 2 <= hex.length; i += bytes * 2) parts.push(cmap?.map.get(parseInt(hex.slice(i, i + bytes * 2), 16)) ?? '');
        }
        parts.push(' ');
      }
    }
  }
  return parts.join('');
}

/** Text without any whitespace, to compare with what is expected on paper. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
