// Reads the pixels of a PNG screenshot (8-bit RGB or RGBA, not interlaced, as Chromium writes them), so a test can
// tell how bright an area of the picture is: the picture itself, not the DOM, is what a reader of the artifact sees.
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA) bytes per pixel. */
  channels: number;
  data: Uint8Array;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SIGNATURE = '89504e470d0a1a0a';

export function decodePng(png: Buffer): Pixels {
  if (png.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG file');
  const chunks: Buffer[] = [];
  let header: Buffer | undefined;
  for (let offset = 8; offset + 8 <= png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    else if (type === 'IDAT') chunks.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without a header chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colourType, , , interlace] = header.subarray(8, 13);
  if (depth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
  }
  const channels = colourType === 6 ? 4 : 3;
  return { width, height, channels, data: unfilter(inflateSync(Buffer.concat(chunks)), width * channels, height, channels) };
}

/** Undoes PNG's per-line filters (None, Sub, Up, Average, Paeth). */
function unfilter(raw: Buffer, stride: number, height: number, channels: number): Uint8Array {
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? data[out + x - channels] : 0;
      const up = y > 0 ? data[out - stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? data[out - stride + x - channels] : 0;
      data[out + x] = (raw[line + x] + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return data;
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const guess = left + up - upLeft;
      const [toLeft, toUp, toUpLeft] = [Math.abs(guess - left), Math.abs(guess - up), Math.abs(guess - upLeft)];
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}

/** Brightness of an sRGB colour from 0 (black) to 1 (white), weighted as the eye weighs red, green and blue. */
export function brightness(red: number, green: number, blue: number): number {
  return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
}

/** The median brightness of the pixels in `rect`: the background's, as long as text and icons cover less than half. */
export function medianBrightness(pixels: Pixels, rect: Rect): number {
  const left = Math.max(0, Math.floor(rect.x));
  const top = Math.max(0, Math.floor(rect.y));
  const right = Math.min(pixels.width, Math.ceil(rect.x + rect.width));
  const bottom = Math.min(pixels.height, Math.ceil(rect.y + rect.height));
  const histogram = new Array<number>(256).fill(0);
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const at = (y * pixels.width + x) * pixels.channels;
      histogram[Math.round(brightness(pixels.data[at], pixels.data[at + 1], pixels.data[at + 2]) * 255)]++;
      count++;
    }
  }
  if (count === 0) throw new Error(`the area ${JSON.stringify(rect)} is outside the ${pixels.width}×${pixels.height} picture`);
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level];
    if (seen * 2 >= count) return level / 255;
  }
  return 1;
}
