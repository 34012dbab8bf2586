// POST /conversations/:id/attachments (upload), GET /attachments/:id/url (a download link for a
// member) and GET /attachments/:id/content (the download itself, by signed link, no token).
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearer, errors, IdParams } from '../schemas/common.ts';
import { Attachment, ContentResponse, DownloadUrl, DownloadUrlQuery, SignedContentQuery, toAttachment, UploadBody, UploadQuery } from '../schemas/attachments.ts';

export interface AttachmentRouteOptions {
  /** Base of download URLs; unset: the origin the request came to. */
  publicUrl?: string | undefined;
}

/**
 * A refusal answered before the client finished sending (too large, wrong type, not a member):
 * the connection closes after the answer, so the rest of the body is never read.
 */
function closeIfUnread(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.raw.readableEnded) void reply.header('connection', 'close');
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266). */
export function contentDisposition(inline: boolean, name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const attachmentRoutes: FastifyPluginCallbackTypebox<AttachmentRouteOptions> = (app, opts, done) => {
  // In this plugin only: any body is handed to the upload as the raw stream, unread. The
  // gateway's JSON parser (and its HTTP_BODY_LIMIT_BYTES) stays on every other route.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, next) => {
    next(null, payload);
  });

  app.post('/conversations/:id/attachments', {
    schema: {
      tags: ['attachments'],
      summary: 'Upload a file or image into a conversation (members only); the body is the file\'s bytes',
      description: 'The type is detected from the bytes and must be in ATTACHMENTS_ALLOWED_TYPES (415 ATTACHMENT_TYPE_NOT_ALLOWED); more than ATTACHMENTS_MAX_BYTES is refused as soon as it is exceeded (413 ATTACHMENT_TOO_LARGE). Images get a thumbnail and their dimensions. Send it with a message of msg_type 2 (image) or 3 (file) whose content is {"attachment_id": "<id>"}.',
      security: bearer,
      params: IdParams,
      querystring: UploadQuery,
      consumes: ['application/octet-stream'],
      body: UploadBody,
      response: { 201: Attachment, ...errors(403, 404, 413, 415, 503) },
    },
    // The body is a stream: only the other parts of the request are validated.
    validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : TypeBoxValidatorCompiler(route)),
  }, async (request, reply) => {
    const { attachments } = app.services;
    const length = request.headers['content-length'];
    try {
      const stored = await attachments.upload(request.auth.userId, request.params.id, {
        name: request.query.name,
        body: request.body,
        declaredLength: length === undefined ? undefined : Number(length),
      });
      return await reply.status(201).send(toAttachment(stored));
    } catch (err) {
      closeIfUnread(request, reply);
      throw err;
    }
  });

  app.get('/attachments/:id/url', {
    schema: {
      tags: ['attachments'],
      summary: 'A short-lived download URL of an attachment (members of its conversation)',
      description: 'Until it is sent in a message only its uploader gets one. The URL needs no token and expires after ATTACHMENTS_URL_TTL_SECONDS.',
      security: bearer,
      params: IdParams,
      querystring: DownloadUrlQuery,
      response: { 200: DownloadUrl, ...errors(403, 404, 409, 503) },
    },
  }, async (request) => {
    const base = opts.publicUrl ?? `${request.protocol}://${request.host}`;
    const link = await app.services.attachments.downloadUrl(request.auth.userId, request.params.id, request.query.variant ?? 'original', base);
    return { url: link.url, expires_at: link.expiresAt };
  });
  done();
};

/** The download: public, the signed link is the permission. */
export const attachmentContentRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  app.get('/attachments/:id/content', {
    schema: {
      tags: ['attachments'],
      summary: 'Download by a signed URL from GET /attachments/{id}/url (no token)',
      params: IdParams,
      querystring: SignedContentQuery,
      response: { 200: ContentResponse, ...errors(403, 404, 503) },
    },
  }, async (request, reply) => {
    const download = await app.services.attachments.open(request.params.id, request.query);
    return reply
      .header('content-type', download.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : download.contentType)
      .header('content-length', String(download.object.contentLength))
      .header('content-disposition', contentDisposition(download.inline, download.fileName))
      .header('x-content-type-options', 'nosniff')
      // Nothing it holds may run as a page of this origin, even if a browser were to render it.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', `private, max-age=${download.maxAgeSeconds}, immutable`)
      .send(download.object.body);
  });
  done();
};
