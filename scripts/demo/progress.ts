/**
 * A one-line progress display for the demo: a bar, the share done and what is happening,
 * redrawn in place on a terminal and printed as plain lines (one per step) when piped.
 */
export interface ProgressDisplay {
  update(share: number, message: string): void;
  /** Ends the current line and prints a finished step. */
  done(message: string): void;
}

const WIDTH = 28;

export function createProgress(stream: NodeJS.WriteStream = process.stdout): ProgressDisplay {
  const tty = stream.isTTY === true;
  let lastMessage = '';
  const bar = (share: number) => {
    const filled = Math.round(Math.max(0, Math.min(1, share)) * WIDTH);
    return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)} %`;
  };
  return {
    update(share, message) {
      if (tty) {
        const columns = stream.columns ?? 100;
        const line = `${bar(share)}  ${message}`;
        stream.write(`\r${line.length > columns - 1 ? line.slice(0, columns - 2) + '…' : line.padEnd(columns - 1)}`);
      } else if (message !== lastMessage) {
        stream.write(`${bar(share)}  ${message}\n`);
      }
      lastMessage = message;
    },
    done(message) {
      if (tty) stream.write(`\r${' '.repeat((stream.columns ?? 100) - 1)}\r`);
      stream.write(`✔ ${message}\n`);
      lastMessage = '';
    },
  };
}
