import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildAppSpecs } from './build-specs.js';
import { ConfigError } from './errors.js';
import { parseConfigText } from './parse.js';
import type { AppSpec } from './spec.js';

const EXTENSIONS = ['.json', '.json5'];

/** Options of loadConfigFile: the CPU count ("max" instances, cpu_affinity) and which apps to keep. */
export interface LoadConfigOptions {
  cpus?: number;
  /** Keep only these apps (in file order); a name not in the file is an error. */
  only?: string[];
}

/** Reads, parses and validates an ecosystem file (.json or .json5) into normalised app specs. */
export async function loadConfigFile(file: string, opts: LoadConfigOptions = {}): Promise<AppSpec[]> {
  const ext = path.extname(file).toLowerCase();
  if (!EXTENSIONS.includes(ext)) {
    throw new ConfigError(`${file}: unsupported config file type "${ext || '(none)'}"; use a .json or .json5 file`, {
      location: { file },
    });
  }
  const text = await readConfigText(file);
  const raw = parseConfigText(text, file);
  const specs = buildAppSpecs(raw, {
    file,
    baseDir: path.dirname(path.resolve(file)),
    cpus: opts.cpus ?? availableParallelism(),
  });
  return selectApps(specs, opts.only ?? [], file);
}

async function readConfigText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const full = path.resolve(file);
    const why =
      code === 'ENOENT'
        ? `config file not found: ${full}`
        : code === 'EISDIR'
          ? `${full} is a directory; pass the config file inside it, e.g. ${path.join(file, 'ecosystem.json5')}`
          : code === 'EACCES'
            ? `cannot read ${full}: permission denied`
            : `cannot read ${full}: ${(err as Error).message}`;
    throw new ConfigError(`${file}: ${why}`, { location: { file }, cause: err });
  }
}

/** Keeps the apps named in `only` (all when empty); an unknown name is an error listing the names there are. */
export function selectApps(specs: AppSpec[], only: readonly string[], file: string): AppSpec[] {
  if (only.length === 0) return specs;
  const names = specs.map((s) => s.name);
  const missing = only.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    const list = missing.map((n) => JSON.stringify(n)).join(', ');
    throw new ConfigError(`${file}: no app named ${list}; the file has: ${names.join(', ')}`, {
      app: missing[0],
      location: { file },
    });
  }
  return specs.filter((s) => only.includes(s.name));
}
