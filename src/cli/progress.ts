// Progress for long work: a bar on a terminal, plain periodic lines otherwise (logs, CI, pipes).
// Written to stderr so stdout stays clean for JSON and CSV.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, phase?: string): void;
  stop(): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {phase}`,
        hideCursor: true,
        stream,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, phase = '') {
        if (!started) {
          bar.start(Math.max(total, 1), done, { phase });
          started = true;
        }
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { phase });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastAt = 0;
  let lastPhase = '';
  const t0 = Date.now();
  return {
    update(done, total, phase = '') {
      const now = Date.now();
      if (now - lastAt < 2000 && phase === lastPhase && done < total) return;
      lastAt = now;
      lastPhase = phase;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(
        `${label}: ${phase ? phase + ' ' : ''}${done.toLocaleString('en')}/${total.toLocaleString('en')} (${pct}%) ${((now - t0) / 1000).toFixed(1)} s\n`,
      );
    },
    stop() {},
  };
}
