// Attachments through the SDK on the real processes: a picture uploaded from bytes, sent as an
// image message that the other side receives with its metadata, a file sent as a file message,
// download URLs that serve the bytes, and refusals that reach the caller with their codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentOf, FILE, GoChatError, IMAGE } from '../../sdk/src/index.ts';
import { image, pdf, tempDir } from '../attachments/helpers.ts';
import { startCluster, waitFor, type Cluster } from '../realtime/harness.ts';
import { befriend, closeAll, delivered, signedUp, type Recorded } from './clients.ts';

const store = tempDir('sdk-att');
const spool = tempDir('sdk-att-spool');
let cluster: Cluster;
let alice: Recorded;
let bob: Recorded;
let conv: string;

beforeAll(async () => {
  cluster = await startCluster({ gateways: 1, env: { ATTACHMENTS_STORAGE: 'local', ATTACHMENTS_LOCAL_DIR: store.path, ATTACHMENTS_SPOOL_DIR: spool.path } });
  const url = cluster.gateways[0]!.url;
  alice = await signedUp(url, 'sdk_att_a');
  bob = await signedUp(url, 'sdk_att_b');
  await Promise.all([alice.client.connect(), bob.client.connect()]);
  conv = await befriend(alice.client, bob.client);
}, 120_000);

afterAll(async () => {
  await closeAll();
  await cluster?.stop();
  store.remove();
  spool.remove();
});

describe('attachments through the SDK', () => {
  it('uploads a picture, sends it as an image the other side receives with its metadata, and serves it by URL', async () => {
    const bytes = await image(64, 48, 'png');
    const uploaded = await alice.client.uploadAttachment(conv, 'cat.png', new Uint8Array(bytes));
    expect(uploaded).toMatchObject({ conversation_id: conv, name: 'cat.png', content_type: 'image/png', size: bytes.length, width: 64, height: 48, thumbnail: true });
    const sent = await alice.client.sendAttachment(conv, uploaded);
    expect(sent.msg_type).toBe(IMAGE);
    await waitFor('bob receives the picture', () => delivered(bob, conv).some((m) => m.message_id === sent.message_id), 20_000);
    const got = delivered(bob, conv).find((m) => m.message_id === sent.message_id)!;
    expect(attachmentOf(got)).toEqual({ attachment_id: uploaded.id, name: 'cat.png', content_type: 'image/png', size: bytes.length, width: 64, height: 48, thumbnail: true });
    const { url, expiresAt } = await bob.client.attachmentUrl(uploaded.id);
    expect(expiresAt).toBeGreaterThan(Date.now());
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const thumb = await fetch((await bob.client.attachmentUrl(uploaded.id, 'thumbnail')).url);
    expect(thumb.status).toBe(200);
  });

  it('sends a file as a file message, from a Blob', async () => {
    const uploaded = await bob.client.uploadAttachment(conv, 'notes.pdf', new Blob([pdf()]));
    expect(uploaded.width).toBeUndefined();
    const sent = await bob.client.sendAttachment(conv, uploaded);
    expect(sent.msg_type).toBe(FILE);
    expect(attachmentOf(sent)?.attachment_id).toBe(uploaded.id);
    await waitFor('alice receives the file', () => delivered(alice, conv).some((m) => m.message_id === sent.message_id), 20_000);
    const got = delivered(alice, conv).find((m) => m.message_id === sent.message_id)!;
    expect(attachmentOf(got)).toMatchObject({ attachment_id: uploaded.id, name: 'notes.pdf', content_type: 'application/pdf', thumbnail: false });
    expect(attachmentOf({ msg_type: 1, content: '{"attachment_id":"1"}', recalled: false })).toBeUndefined();
  });

  it('rejects with the contract\'s codes: a type the bytes do not allow, another member\'s upload', async () => {
    const refused = await alice.client.uploadAttachment(conv, 'fake.png', new TextEncoder().encode('just text, not a picture')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GoChatError);
    expect((refused as GoChatError).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const bobs = await bob.client.uploadAttachment(conv, 'b.png', new Uint8Array(await image(8, 8, 'png')));
    const notYours = await alice.client.sendAttachment(conv, bobs).catch((e: unknown) => e);
    expect((notYours as GoChatError).code).toBe('ATTACHMENT_NOT_FOUND');
    // Not sent yet: only its uploader may fetch it.
    expect(((await alice.client.attachmentUrl(bobs.id).catch((e: unknown) => e)) as GoChatError).code).toBe('ATTACHMENT_NOT_FOUND');
  });
});
