/** Every field an app may have in an ecosystem file (PM2 spelling). */
export const KNOWN_FIELDS = [
  'name',
  'script',
  'args',
  'interpreter',
  'shell',
  'cwd',
  'instances',
  'exec_mode',
  'port',
  'env',
  'instance_var',
  'merge_logs',
  'autorestart',
  'max_restarts',
  'min_uptime',
  'restart_delay',
  'exp_backoff_restart_delay',
  'kill_timeout',
  'kill_signal',
  'max_memory_restart',
  'cpu_affinity',
  'namespace',
  'health_check',
  'log_max_size',
  'log_retain',
  'autoscale',
  'load_balancer',
] as const;

/** Every field a `health_check` object may have. */
export const HEALTH_CHECK_FIELDS = ['check_type', 'url', 'command', 'timeout', 'interval', 'retries', 'grace'] as const;

/** Every field an `autoscale` object may have. */
export const AUTOSCALE_FIELDS = ['min', 'max', 'cpu_threshold', 'memory_threshold', 'cooldown', 'window'] as const;

/** Every field a `load_balancer` object may have. */
export const LOAD_BALANCER_FIELDS = [
  'type',
  'file',
  'reload_cmd',
  'name',
  'host',
  'balance',
  'weight',
  'max_fails',
  'fail_timeout',
  'keepalive',
  'health_path',
  'check_interval',
  'rise',
  'drain_on_restart',
] as const;

/** The known field nearest to a misspelt one (case, camelCase and typos forgiven), if any is close. */
export function suggestField(name: string, known: readonly string[]): string | undefined {
  const wanted = toSnake(name);
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  // rows[i][j] = distance between a[0..i) and b[0..j); only three rows are ever needed.
  let before: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function toSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** One problem per field of `raw` that is not in `known`, with a suggestion where one is close. */
export function unknownFieldProblems(
  raw: Record<string, unknown>,
  known: readonly string[],
  prefix = '',
): Array<{ field: string; text: string }> {
  const knownSet = new Set(known);
  return Object.keys(raw)
    .filter((key) => !knownSet.has(key))
    .map((key) => {
      const suggestion = suggestField(key, known);
      const hint = suggestion === undefined ? `known fields: ${known.join(', ')}` : `did you mean "${suggestion}"?`;
      return { field: `${prefix}${key}`, text: `unknown field "${prefix}${key}"; ${hint}` };
    });
}
