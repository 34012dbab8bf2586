// Image and file messages sent over the WebSocket: the same checks as the REST send, before the
// message enters the pipeline, each refusal an `error` frame with its code and the send's
// client_msg_id, nothing stored; a valid send is acked and delivered with the attachment's
// metadata in place of the reference.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttachment, createOrm, createRedis, repoCtx, type Orm, type RedisClient } from '../../repo/index.ts';
import { testConfig } from '../helpers/config.ts';
import { api, createGroup, registerUser, type Frame, type User, type WsClient } from '../realtime/clients.ts';
import { clusterForSuite } from '../realtime/suite-cluster.ts';
import { image, pdf, tempDir, upload, type UploadedAttachment } from './helpers.ts';

const storeDir = tempDir('att-ws');
const spoolDir = tempDir('att-ws-spool');
const suite = clusterForSuite({ gateways: 1, env: { ATTACHMENTS_STORAGE: 'local', ATTACHMENTS_LOCAL_DIR: storeDir.path, ATTACHMENTS_SPOOL_DIR: spoolDir.path } });
let orm: Orm;
let redis: RedisClient;

beforeAll(async () => {
  const config = testConfig();
  orm = await createOrm(config);
  redis = createRedis(config);
});

afterAll(async () => {
  await orm?.close(true);
  redis?.disconnect();
  storeDir.remove();
  spoolDir.remove();
});

/** A `send` frame and its answer: the ack, or the error frame with its client_msg_id. */
async function wsSend(c: WsClient, conversationId: string, msgType: number, content: string): Promise<Frame> {
  const cmid = `aw-${randomUUID()}`;
  c.send({ type: 'send', client_msg_id: cmid, conversation_id: conversationId, msg_type: msgType, content });
  return c.next((f) => (f.type === 'ack' || f.type === 'error') && f.client_msg_id === cmid);
}

const ref = (id: string) => JSON.stringify({ attachment_id: id });

describe('attachment sends over the WebSocket', () => {
  let a: User;
  let b: User;
  let group: string;
  let otherGroup: string;
  let rest: string;

  async function uploaded(user: User, conversationId: string, name: string, bytes: Buffer): Promise<UploadedAttachment> {
    const res = await upload(rest, user.token, conversationId, name, bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    rest = suite.rest[0]!;
    [a, b] = await Promise.all([registerUser(rest, 'awa'), registerUser(rest, 'awb')]);
    group = await createGroup(rest, a, [b], 'ws attachments');
    otherGroup = await createGroup(rest, a, [b], 'ws elsewhere');
  });

  it('refuses what the REST send refuses, with the same codes, and stores nothing', async () => {
    const ca = await suite.connect(suite.ws[0]!, a);
    const elsewhere = await uploaded(a, otherGroup, 'other.png', await image(20, 20));
    const bs = await uploaded(b, group, 'bs.png', await image(20, 20));
    const file = await uploaded(a, group, 'doc.pdf', pdf());
    const pending = await createAttachment(repoCtx(orm, redis), { conversationId: group, uploaderId: a.id, name: 'slow.pdf', contentType: 'application/pdf', size: 10, hasThumbnail: false });
    const cases: [string, number, string, string][] = [
      ['unknown attachment', 2, ref('18446744073709551615'), 'ATTACHMENT_NOT_FOUND'],
      ['another conversation\'s', 2, ref(elsewhere.id), 'ATTACHMENT_NOT_FOUND'],
      ['someone else\'s', 3, ref(bs.id), 'ATTACHMENT_NOT_FOUND'],
      ['still pending', 3, ref(pending.id), 'ATTACHMENT_NOT_READY'],
      ['a file as an image', 2, ref(file.id), 'ATTACHMENT_KIND_MISMATCH'],
      ['not a reference', 2, 'a picture of a cat', 'VALIDATION_ERROR'],
    ];
    for (const [what, msgType, content, code] of cases) {
      const answer = await wsSend(ca, group, msgType, content);
      expect([what, answer.type, answer.code]).toEqual([what, 'error', code]);
    }
    const history = await api<{ messages: unknown[] }>(rest, 'GET', `/conversations/${group}/messages`, a.token);
    expect(history.body.messages).toEqual([]);
  });

  it('acks a valid image send and delivers the metadata to the other member', async () => {
    const [ca, cb] = await Promise.all([suite.connect(suite.ws[0]!, a), suite.connect(suite.ws[0]!, b)]);
    const att = await uploaded(a, group, 'sunset.jpg', await image(120, 80, 'jpeg'));
    const ack = await wsSend(ca, group, 2, ref(att.id));
    expect(ack.type).toBe('ack');
    const frame = await cb.next((f) => f.type === 'message' && (f.message as { message_id: string }).message_id === ack.message_id);
    const message = frame.message as { msg_type: number; content: string };
    expect(message.msg_type).toBe(2);
    expect(JSON.parse(message.content)).toEqual({ attachment_id: att.id, name: 'sunset.jpg', content_type: 'image/jpeg', size: att.size, width: 120, height: 80, thumbnail: true });
    // Sent: the other member may download it now.
    expect((await api(rest, 'GET', `/attachments/${att.id}/url`, b.token)).status).toBe(200);
    // Text passes as it came.
    const text = await wsSend(ca, group, 1, ref(att.id));
    expect(text.type).toBe('ack');
  });

  it('keeps a socket\'s sends in the order they came when an attachment send needs a lookup', async () => {
    const ca = await suite.connect(suite.ws[0]!, a);
    const att = await uploaded(a, otherGroup, 'first.png', await image(30, 30));
    // An image, then text at once, then a refused image, then text: the text waits for the
    // image's lookup, and a refusal holds up nothing after it.
    const answers = await Promise.all([
      wsSend(ca, otherGroup, 2, ref(att.id)),
      wsSend(ca, otherGroup, 1, 'right after the picture'),
      wsSend(ca, otherGroup, 2, ref('18446744073709551615')),
      wsSend(ca, otherGroup, 1, 'after the refused one'),
    ]);
    expect(answers.map((f) => f.type)).toEqual(['ack', 'ack', 'error', 'ack']);
    const [imageAck, textAck, , lastAck] = answers;
    expect(Number(imageAck.seq)).toBeLessThan(Number(textAck.seq));
    expect(Number(textAck.seq)).toBeLessThan(Number(lastAck.seq));
  });
});
