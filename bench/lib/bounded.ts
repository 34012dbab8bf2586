// A cleanup step that may not hold the run: after `ms` the run goes on without it (logged), so
// a close that never settles cannot keep a finished run from writing its results.
export async function bounded(what: string, ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([work.then(() => 'done' as const, () => 'failed' as const), late]);
  clearTimeout(timer);
  if (outcome !== 'done') console.warn(`bench: ${what} ${outcome === 'late' ? `did not finish within ${ms} ms` : 'failed'}; going on`);
}
