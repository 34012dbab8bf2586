// Topics of finished test, bench and chaos runs. Every run names its topics with a suffix of its
// own (uniqueSuffix() for tests, `.<run id>` for bench and chaos runs), so runs never share them;
// left behind, they piled up run after run on the local broker (1,669 topics, 4.8 GB).
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig } from '../../config/index.ts';

/** Topics per delete request. */
const CHUNK = 100;

/**
 * Deletes every topic whose name `wanted` accepts. Never throws: when the broker does not
 * answer, the topics stay and a warning says so.
 */
export async function deleteTopics(wanted: (topic: string) => boolean, env: Record<string, string | undefined> = process.env): Promise<number> {
  const kafka = new Kafka({ clientId: 'gochat-run-cleanup', brokers: loadConfig(env).kafka.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter(wanted);
    for (let i = 0; i < topics.length; i += CHUNK) await admin.deleteTopics({ topics: topics.slice(i, i + CHUNK), timeout: 30_000 });
    return topics.length;
  } catch (err) {
    console.warn(`could not delete the run's topics: ${(err as Error).message}`);
    return 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
