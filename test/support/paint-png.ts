/**
 * Test images: a PNG painted pixel by pixel, so screenshots of the simulator and the console
 * show a real picture (pngjs writes it; the platform reads it as any uploaded photo).
 */
import { PNG } from 'pngjs';

/** An RGB colour. */
export type Rgb = readonly [number, number, number];

/** A `width`×`height` PNG whose pixel (x, y) has the colour `paint(x, y)`. */
export function paintPng(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      png.data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(png);
}
