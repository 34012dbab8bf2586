// Workflows used only by the stack smoke tests.
import { sleep } from '@temporalio/workflow';

export async function greet(name: string): Promise<string> {
  return `hello, ${name}`;
}

/** Sleeps an hour: finishes at once in the time-skipping environment. */
export async function sleepAnHour(): Promise<number> {
  const started = Date.now();
  await sleep('1 hour');
  return Date.now() - started;
}
