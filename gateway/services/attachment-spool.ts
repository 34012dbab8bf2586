// Receives an upload's bytes into a temporary file while counting them and deciding their
// type from the first ones. Too many bytes, or a type not allowed, stops the upload at once:
// the rest is never read, and the temporary file is removed.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, validationError } from '../errors.ts';
import { detectType, SAMPLE_BYTES } from './attachment-type.ts';

export interface SpoolLimits {
  dir: string;
  maxBytes: number;
  allowedTypes: ReadonlySet<string>;
}

export interface Spooled {
  path: string;
  size: number;
  contentType: string;
}

export const tooLarge = (maxBytes: number) => new DomainError('ATTACHMENT_TOO_LARGE', `the upload exceeds ${maxBytes} bytes`);
export const typeNotAllowed = (type: string) => new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', `the upload's content is ${type}, which is not an allowed type`);

/** Counts, samples and gates the bytes: nothing passes before the type is known and allowed. */
class Gate extends Transform {
  size = 0;
  contentType: string | undefined;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private readonly limits: SpoolLimits;

  constructor(limits: SpoolLimits) {
    super();
    this.limits = limits;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limits.maxBytes) return callback(tooLarge(this.limits.maxBytes));
    if (this.contentType !== undefined) return callback(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < SAMPLE_BYTES) return callback();
    this.decide(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(validationError('body', 'the upload is empty: send the file\'s bytes as the body'));
    if (this.contentType !== undefined) return callback();
    this.decide(callback);
  }

  private decide(callback: TransformCallback): void {
    const sample = Buffer.concat(this.held);
    this.held = [];
    detectType(sample).then((type) => {
      if (!this.limits.allowedTypes.has(type)) return callback(typeNotAllowed(type));
      this.contentType = type;
      callback(null, sample);
    }, (err: unknown) => callback(err as Error));
  }
}

/**
 * Spools `body` into `dir`. The request stream itself is never destroyed here (that would cut the
 * connection before the refusal is answered): it is only unpiped, and the caller closes the
 * connection after answering.
 */
export async function spoolUpload(body: Readable, limits: SpoolLimits): Promise<Spooled> {
  await mkdir(limits.dir, { recursive: true });
  const path = join(limits.dir, `gochat-upload-${randomUUID()}`);
  const gate = new Gate(limits);
  const input = new PassThrough();
  const cutOff = () => {
    if (!body.readableEnded) input.destroy(validationError('body', 'the upload was cut off before its end'));
  };
  body.once('error', cutOff);
  body.once('close', cutOff);
  body.pipe(input);
  try {
    await pipeline(input, gate, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    body.unpipe(input);
    await rm(path, { force: true });
    throw err;
  } finally {
    body.off('error', cutOff);
    body.off('close', cutOff);
  }
  return { path, size: gate.size, contentType: gate.contentType! };
}
