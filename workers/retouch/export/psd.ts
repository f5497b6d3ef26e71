// Layered PSD for retouchers: background, shadow, the cleaned piece with its alpha as a layer mask,
// and the original photo (hidden) under the same framing, so every step can be inspected or redone.
import { writePsdBuffer, type Layer } from "ag-psd";
import type { Framed } from "../compose/frame";

function pixels(data: Uint8Array, size: number) {
  return { width: size, height: size, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

export function encodePsd(f: Framed): Buffer {
  const { size } = f;
  const maskData = new Uint8Array(size * size * 4);
  const opaquePiece = new Uint8Array(f.piece);
  for (let i = 0; i < size * size; i++) {
    const a = f.piece[4 * i + 3]!;
    maskData[4 * i] = maskData[4 * i + 1] = maskData[4 * i + 2] = a;
    maskData[4 * i + 3] = 255;
    // The layer's own pixels stay opaque; transparency comes from the (editable) mask.
    opaquePiece[4 * i + 3] = 255;
  }
  const layers: Layer[] = [];
  if (f.original) layers.push({ name: "Original", hidden: true, imageData: pixels(f.original, size), top: 0, left: 0 });
  layers.push({ name: "Background", imageData: pixels(f.background, size), top: 0, left: 0 });
  if (f.shadow) layers.push({ name: "Shadow", imageData: pixels(f.shadow, size), top: 0, left: 0 });
  layers.push({
    name: "Piece",
    imageData: pixels(opaquePiece, size),
    top: 0,
    left: 0,
    mask: { top: 0, left: 0, bottom: size, right: size, defaultColor: 0, imageData: pixels(maskData, size) },
  });
  return writePsdBuffer(
    { width: size, height: size, channels: 3, imageData: pixels(f.flat, size), children: layers },
    { generateThumbnail: false },
  );
}
