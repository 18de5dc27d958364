import { createConsoleLogger } from './host-logger';

function capture() {
  const writes: { stream: 'out' | 'err'; text: string }[] = [];
  let atExit = () => {};
  const logger = createConsoleLogger({
    stdout: { write: (text: string) => writes.push({ stream: 'out', text }) },
    stderr: { write: (text: string) => writes.push({ stream: 'err', text }) },
    onExit: (flush) => (atExit = flush),
  });
  return { logger, writes, exit: () => atExit() };
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

it('writes the information lines of one turn together, on the next turn', async () => {
  const { logger, writes } = capture();
  logger.log('information', 'submit', 'Executing');
  logger.log('information', 'submit', 'Executed');
  logger.log('debug', 'submit', 'not shown');
  expect(writes).toEqual([]);
  await nextTurn();
  expect(writes).toHaveLength(1);
  expect(writes[0]!.text).toMatch(/^\[\d{4}-\d\d-\d\dT[^\]]+\] submit: Executing\n\[[^\]]+\] submit: Executed\n$/);
});

it('writes waiting lines before a warning or error, so the order holds', async () => {
  const { logger, writes } = capture();
  logger.log('information', 'host', 'Executing');
  logger.log('error', 'host', 'Executed (Failed)');
  expect(writes.map((w) => [w.stream, w.text.replace(/^\[[^\]]+\] /, '')])).toEqual([
    ['out', 'host: Executing\n'],
    ['err', 'host: Executed (Failed)\n'],
  ]);
  await nextTurn();
  expect(writes).toHaveLength(2);
});

it('writes waiting lines when the process exits, or when asked to before other output', () => {
  const { logger, writes, exit } = capture();
  logger.log('information', 'timer', 'Executing');
  exit();
  logger.log('information', 'timer', 'Executed');
  logger.flush();
  expect(writes.map((w) => w.text.replace(/^\[[^\]]+\] /, ''))).toEqual(['timer: Executing\n', 'timer: Executed\n']);
});
