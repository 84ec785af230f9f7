// A live cluster summary, and a CPU autoscaler, built on pmdaemon's client library.
//   node examples/cluster-dashboard.mjs                    print a summary every 2 s
//   node examples/cluster-dashboard.mjs --once             print it once and exit
//   node examples/cluster-dashboard.mjs --autoscale web --min 2 --max 8 --cpu 70
// In your own project: import { connect } from 'pmdaemon'.
import { parseArgs } from 'node:util';
import { connect } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    once: { type: 'boolean' },
    autoscale: { type: 'string' },
    min: { type: 'string', default: '1' },
    max: { type: 'string', default: '8' },
    cpu: { type: 'string', default: '70' },
    cooldown: { type: 'string', default: '30' },
  },
});

const client = await connect();
let apps = {};
// The subscription sends a snapshot, then patches that carry only what changed.
client.subscribe((event) => {
  if (event.type === 'snapshot') apps = { ...event.state.apps };
  if (event.type === 'patch') {
    for (const [name, app] of Object.entries(event.apps)) {
      if (app === null) delete apps[name];
      else apps[name] = app;
    }
  }
});

function summary() {
  const rows = Object.values(apps).map(({ spec, instances }) => {
    const online = instances.filter((i) => i.status === 'online');
    const cpu = online.reduce((sum, i) => sum + i.cpu, 0);
    const memory = online.reduce((sum, i) => sum + i.memory, 0);
    return { app: spec.name, online: online.length, total: instances.length, cpuAvg: online.length ? cpu / online.length : 0, memoryMiB: memory / 2 ** 20 };
  });
  return rows.sort((a, b) => a.app.localeCompare(b.app));
}

function print() {
  const lines = summary().map((r) => `${r.app.padEnd(16)} ${`${r.online}/${r.total}`.padStart(6)} online  cpu avg ${r.cpuAvg.toFixed(1).padStart(5)}%  memory ${r.memoryMiB.toFixed(1).padStart(7)} MiB`);
  console.log(`${new Date().toISOString()}\n${lines.join('\n') || '(no apps)'}\n`);
}

let lastScale = 0;
async function autoscale(app) {
  const row = summary().find((r) => r.app === app);
  if (!row || Date.now() - lastScale < Number(values.cooldown) * 1000) return;
  const threshold = Number(values.cpu);
  let target = row.total;
  if (row.cpuAvg > threshold) target = Math.min(Number(values.max), row.total + 1);
  else if (row.cpuAvg < threshold / 2) target = Math.max(Number(values.min), row.total - 1);
  if (target === row.total) return;
  lastScale = Date.now();
  console.log(`autoscale ${app}: cpu avg ${row.cpuAvg.toFixed(1)}% → ${target} instances`);
  await client.scale(app, target);
}

// The snapshot arrives right after subscribing; the first summary waits for it.
await new Promise((resolve) => setTimeout(resolve, 200));
print();
if (values.once) {
  await client.close();
} else {
  setInterval(() => {
    print();
    if (values.autoscale) void autoscale(values.autoscale).catch((error) => console.error(`autoscale: ${error.message}`));
  }, 2000);
  process.on('SIGINT', () => void client.close().then(() => process.exit(0)));
}
