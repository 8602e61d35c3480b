// A task run now, then again `intervalMs` after each run ends (never two runs at once), until stopped;
// `stop()` waits for the run in flight, so a shutdown never cuts a transaction short.
export function startRepeatingTask(
  run: (isStopped: () => boolean) => Promise<unknown>,
  { intervalMs, onError }: { intervalMs: number; onError: (error: unknown) => void },
): { stop(): Promise<void> } {
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    inFlight = run(() => stopped).catch(onError);
    void inFlight.finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
