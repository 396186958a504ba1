/**
 * Progress on stderr for long runs: only on a terminal, only after about a second, one line
 * rewritten in place and cleared at the end, so it never mixes into a report on stdout.
 */
export interface Progress {
  update: (done: number, total: number) => void;
  done: () => void;
}

const DELAY_MS = 1000;
const INTERVAL_MS = 100;

export function createProgress(stream: NodeJS.WriteStream, options: { enabled: boolean }): Progress {
  if (!options.enabled) return { update: () => {}, done: () => {} };
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < DELAY_MS || now - lastDraw < INTERVAL_MS) return;
      lastDraw = now;
      const seconds = (now - started) / 1000;
      const rate = Math.round(done / seconds);
      stream.write(`\r\u001b[2Ktest-audit: ${done}/${total} files · ${rate} files/s`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
