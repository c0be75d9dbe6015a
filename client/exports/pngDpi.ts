/**
 * PNG resolution
 * ==============
 * Writes a pHYs chunk (pixels per metre) into a PNG, right after IHDR, replacing any there, so
 * Word, LaTeX and image viewers print the figure at the size it was made for. Bytes in, bytes
 * out: no DOM, no Node APIs, usable in the browser and the CLI.
 */
import { CaspianError } from "../../contract/errors.ts";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export class PngFormatError extends CaspianError {
  readonly code = "BAD_PNG";
  constructor(message: string) {
    super(message);
    this.name = "PngFormatError";
  }
}

export function readChunks(png: Uint8Array): PngChunk[] {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new PngFormatError("not a PNG: the signature is missing");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === "IEND") break;
  }
  return chunks;
}

export function writeChunks(chunks: PngChunk[]): Uint8Array {
  const size = 8 + chunks.reduce((sum, c) => sum + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let at = 8;
  for (const c of chunks) {
    view.setUint32(at, c.data.length);
    const typed = new Uint8Array(4 + c.data.length);
    for (let i = 0; i < 4; i++) typed[i] = c.type.charCodeAt(i);
    typed.set(c.data, 4);
    out.set(typed, at + 4);
    view.setUint32(at + 8 + c.data.length, crc32(typed));
    at += 12 + c.data.length;
  }
  return out;
}

export function dpiToPixelsPerMetre(dpi: number): number {
  return Math.round(dpi / 0.0254);
}

export function setPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = dpiToPixelsPerMetre(dpi);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1; // unit: metre
  const chunks = readChunks(png).filter((c) => c.type !== "pHYs");
  const ihdr = chunks.findIndex((c) => c.type === "IHDR");
  chunks.splice(ihdr + 1, 0, { type: "pHYs", data });
  return writeChunks(chunks);
}

/** Width, height and dots per inch (undefined without pHYs in metres) of a PNG. */
export function pngInfo(png: Uint8Array): { width: number; height: number; dpiX?: number; dpiY?: number } {
  const chunks = readChunks(png);
  const ihdr = chunks.find((c) => c.type === "IHDR");
  if (!ihdr) throw new PngFormatError("no IHDR chunk");
  const h = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  const phys = chunks.find((c) => c.type === "pHYs");
  if (!phys || phys.data[8] !== 1) return { width: h.getUint32(0), height: h.getUint32(4) };
  const p = new DataView(phys.data.buffer, phys.data.byteOffset, phys.data.byteLength);
  return { width: h.getUint32(0), height: h.getUint32(4), dpiX: p.getUint32(0) * 0.0254, dpiY: p.getUint32(4) * 0.0254 };
}
