// The yardstick: a ten-line client on the npm eventsource package writing each event's data to stdout.
import { EventSource } from 'eventsource';

const source = new EventSource(process.argv[2]);
source.onmessage = (event) => process.stdout.write(`${event.data}\n`);
source.addEventListener('end', () => source.close());
source.onerror = () => {
  source.close();
  process.exitCode = 1;
};
