// Pure: self time of a V8 .cpuprofile, by module and by function.

/** Where a script URL belongs: a package under node_modules, our dist/ file, node internals, or a V8 pseudo-frame. */
export function moduleOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/dist\/(.+)$/.exec(url);
  if (ours) return `pmdaemon ${ours[1].split('/').slice(0, 2).join('/')}`;
  return url.startsWith('node:') ? 'node internals' : url;
}

/**
 * { totalMs, byModule: [[name, ms]], byFunction: [[label, ms]] }, largest first, counting only the
 * samples taken between `fromMs` and `toMs` after the profile started.
 */
export function summariseProfile(profile, { fromMs = 0, toMs = Infinity } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    at += delta;
    if (at >= fromMs && at <= toMs) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const byModule = new Map();
  const byFunction = new Map();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const module = moduleOf(url, functionName);
    if (module === '(idle)') continue;
    totalMs += ms;
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    const label = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(label, (byFunction.get(label) ?? 0) + ms);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs, byModule: sorted(byModule), byFunction: sorted(byFunction) };
}
