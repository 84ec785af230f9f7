import type { CommandSpec } from './command.js';
import type { CommandEntry } from './command-table.js';
import type { FlagDef } from './flags.js';

/** `pmdaemon help`: every command with one line each. */
export function formatCommandList(entries: readonly CommandEntry[]): string {
  const names = entries.map((e) => [e.name, ...(e.aliases ?? [])].join(', '));
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = entries.map((e, i) => `  ${names[i]!.padEnd(width)}${e.summary}`);
  return [
    'usage: pmdaemon <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'Every command that prints data takes --json. "pmdaemon <command> --help" shows its flags.',
    '',
  ].join('\n');
}

/** `pmdaemon help <command>` / `<command> --help`: usage, every flag, details. */
export function formatCommandHelp(spec: CommandSpec): string {
  const labels = spec.flags.map(flagLabel);
  const width = Math.min(26, Math.max(0, ...labels.map((l) => l.length)) + 2);
  const flags = spec.flags.map((f, i) => {
    const label = labels[i]!;
    return label.length + 2 > width ? `  ${label}\n  ${' '.repeat(width)}${f.help}` : `  ${label.padEnd(width)}${f.help}`;
  });
  return [
    `usage: pmdaemon ${spec.usage}`,
    ...(flags.length > 0 ? ['', 'flags:', ...flags] : []),
    ...(spec.details ? ['', spec.details] : []),
    '',
  ].join('\n');
}

function flagLabel(f: FlagDef): string {
  return `--${f.name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`;
}
