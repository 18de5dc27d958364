import { createConsoleLogger } from './host-logger';

function capture() {
  const writes: { stream: 'out' | 'err'; text: string }[] = [];
  const logger = createConsoleLogger({ stdout: { write: (text: string) => writes.push({ stream: 'out', text }) }, stderr: { write: (text: string) => writes.push({ stream: 'err', text }) } });
  return { logger, writes };
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
