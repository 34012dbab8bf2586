// Images: their size as displayed and a small WebP thumbnail, made with sharp (libvips). The
// header is read first, so an image too large to decode is refused before any pixel is.
import sharp from 'sharp';
import { DomainError } from '../errors.ts';
import { typeNotAllowed } from './attachment-spool.ts';

// Every upload is a different image: libvips' operation cache would only hold memory.
sharp.cache(false);

export const THUMBNAIL_TYPE = 'image/webp';

export interface ImageFacts {
  width: number;
  height: number;
  thumbnail: Buffer;
}

export async function describeImage(path: string, contentType: string, opts: { maxPixels: number; thumbnailSize: number }): Promise<ImageFacts> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    const meta = await sharp(path, { limitInputPixels: false }).metadata();
    // As displayed: a photo taken on its side reports its sides swapped in EXIF.
    ({ width, height } = meta.autoOrient);
  } catch {
    throw typeNotAllowed(`not a readable ${contentType}`);
  }
  if (!width || !height) throw typeNotAllowed(`not a readable ${contentType}`);
  if (width * height > opts.maxPixels) {
    throw new DomainError('ATTACHMENT_TOO_LARGE', `the image is ${width}×${height} pixels, more than ${opts.maxPixels} in all`);
  }
  try {
    // The first frame of an animation; never enlarged; EXIF orientation applied, metadata dropped.
    const thumbnail = await sharp(path, { limitInputPixels: opts.maxPixels, failOn: 'error' })
      .autoOrient()
      .resize(opts.thumbnailSize, opts.thumbnailSize, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { width, height, thumbnail };
  } catch {
    throw typeNotAllowed(`not a readable ${contentType}`);
  }
}
