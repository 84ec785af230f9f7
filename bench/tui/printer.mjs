// An instance of the TUI benchmark: quiet until SIGUSR2, then LINES_PER_SEC lines of 80 characters.
const perSecond = Number(process.env.LINES_PER_SEC ?? '25');
const name = `${process.env.PMDAEMON_APP ?? process.env.name ?? 'p'}-${process.env.NODE_APP_INSTANCE ?? '0'}`.padEnd(6);
const filler = '.'.repeat(80);
// Five wake-ups a second, each writing the lines due by the clock: the rate holds even when timers run late.
const TICK_MS = 200;
let sent = 0;
let since = 0;
let timer;

function line() {
  return `${new Date().toISOString()} ${name} GET /api/items/${String(++sent).padStart(6, '0')} 200 ${filler}`.slice(0, 80);
}

function tick() {
  const due = Math.floor(((performance.now() - since) / 1000) * perSecond) - sent;
  if (due <= 0) return;
  let chunk = '';
  for (let i = 0; i < due; i++) chunk += `${line()}\n`;
  process.stdout.write(chunk);
}

// SIGUSR2 toggles printing, so one set of 200 processes serves both the idle and the logging variant.
process.on('SIGUSR2', () => {
  if (timer) {
    clearInterval(timer);
    timer = undefined;
  } else {
    since = performance.now() - (sent / perSecond) * 1000;
    timer = setInterval(tick, TICK_MS);
  }
});
process.on('SIGTERM', () => process.exit(0));
if (process.env.PRINT_AT_START === '1') process.emit('SIGUSR2');
// Keeps the event loop alive while quiet.
setInterval(() => {}, 1 << 30);
