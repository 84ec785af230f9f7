import type { CommandSpec } from './command.js';

/** A command as `help` lists it; its module is loaded only when it runs or its help is asked for. */
export interface CommandEntry {
  name: string;
  aliases?: readonly string[];
  summary: string;
  load(): Promise<CommandSpec>;
}

// Lazy imports: a command pays only for its own modules, and none but `up --tui`/monit load Ink.
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'start', summary: 'start a script, a quoted command, the apps of a .json5 file, or a stopped app', load: async () => (await import('./commands/start.js')).start },
  { name: 'stop', summary: 'stop an app, one instance, or all apps', load: async () => (await import('./commands/stop.js')).stop },
  { name: 'restart', summary: 'restart an app, one instance, or all apps; --rolling one batch at a time', load: async () => (await import('./commands/restart.js')).restart },
  { name: 'reload', summary: 'zero-downtime rolling restart, optionally to N instances (--instances N)', load: async () => (await import('./commands/reload.js')).reload },
  { name: 'delete', summary: 'stop an app and forget it', load: async () => (await import('./commands/delete.js')).deleteCommand },
  { name: 'list', aliases: ['ls'], summary: 'a table of every instance (--json for scripts)', load: async () => (await import('./commands/list.js')).list },
  { name: 'info', summary: 'spec, env, command, pid, ports, log paths, health and exits of an app', load: async () => (await import('./commands/info.js')).info },
  { name: 'logs', summary: 'the last lines of an app\'s logs; --follow to keep streaming', load: async () => (await import('./commands/logs.js')).logs },
  { name: 'scale', summary: 'change an app\'s instance count: N, +N or -N', load: async () => (await import('./commands/scale.js')).scale },
  { name: 'autoscale', summary: 'scale an app between --min and --max by its CPU (and memory); --off to stop', load: async () => (await import('./commands/autoscale.js')).autoscale },
  { name: 'stats', summary: 'online/total, health, CPU, memory, restarts and uptime of an app', load: async () => (await import('./commands/stats.js')).stats },
  { name: 'monit', summary: 'the full-screen UI: live grid, logs, scale and restart keys, topology and compare', load: async () => (await import('./commands/monit.js')).monit },
  { name: 'topology', summary: 'apps as a tree (namespace, app, instances, ports) and the connections between them', load: async () => (await import('./commands/topology.js')).topology },
  { name: 'lb', summary: 'print or write an nginx upstream / HAProxy backend of an app\'s live instances', load: async () => (await import('./commands/lb.js')).lb },
  { name: 'compare', summary: 'the instances of one app side by side, outliers marked', load: async () => (await import('./commands/compare.js')).compare },
  { name: 'save', summary: 'write every app to dump.json for resurrect', load: async () => (await import('./commands/save.js')).save },
  { name: 'resurrect', summary: 'start the apps of dump.json that are not running', load: async () => (await import('./commands/resurrect.js')).resurrect },
  { name: 'up', summary: 'run the apps of an ecosystem file in the foreground, without a daemon', load: async () => (await import('./commands/up-command.js')).upCommand },
  { name: 'startup', summary: 'print (or --install) a systemd unit that resurrects the apps at boot', load: async () => (await import('./commands/startup.js')).startup },
  { name: 'ping', summary: 'time a round trip to the daemon (starting it if needed)', load: async () => (await import('./commands/ping.js')).ping },
  { name: 'kill', summary: 'stop every instance, then the daemon', load: async () => (await import('./commands/kill.js')).kill },
  { name: 'update', summary: 'replace the running daemon with this version; apps come back on their ports', load: async () => (await import('./commands/update.js')).update },
  { name: 'version', summary: 'this CLI\'s version, and the running daemon\'s', load: async () => (await import('./commands/show-version.js')).showVersion },
  { name: 'help', summary: 'this list; "pmdaemon help <command>" for a command\'s flags', load: async () => (await import('./commands/help.js')).help },
];

/** The entry of a command name or alias. */
export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
