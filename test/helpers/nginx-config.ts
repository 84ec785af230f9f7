import path from 'node:path';

export interface NginxConfigOptions {
  /** Prefix directory: every path nginx writes (pid, logs, temp files) lives here. */
  dir: string;
  listenPort: number;
  /** File holding the `upstream <name> { … }` block, included at http level. */
  includeFile: string;
  /** Name of the upstream block to proxy to. */
  upstream: string;
  /** Extra directives placed in the `location /` block (after the defaults, which they may not repeat). */
  extra?: string;
  /** Extra directives placed at http level (for example `keepalive_timeout`). */
  httpExtra?: string;
  /** Extra directives placed at main level (for example `worker_shutdown_timeout 5s;`). */
  mainExtra?: string;
  workerProcesses?: number;
  /** Run workers as root; needed when the master is root, so workers can use the 0700 temp dir. */
  userRoot?: boolean;
}

/** The nginx.conf text for a test instance: foreground master, no root-owned paths, upstream keep-alive and retries. */
export function nginxConfig(o: NginxConfigOptions): string {
  const at = (name: string): string => JSON.stringify(path.join(o.dir, name));
  return `${o.userRoot ? 'user root;\n' : ''}daemon off;
worker_processes ${o.workerProcesses ?? 2};
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
${o.mainExtra ?? ''}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${at('client_body_temp')};
  proxy_temp_path ${at('proxy_temp')};
  fastcgi_temp_path ${at('fastcgi_temp')};
  uwsgi_temp_path ${at('uwsgi_temp')};
  scgi_temp_path ${at('scgi_temp')};
  ${o.httpExtra ?? ''}
  include ${JSON.stringify(o.includeFile)};
  server {
    listen 127.0.0.1:${o.listenPort};
    location / {
      proxy_pass http://${o.upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503;
      ${o.extra ?? ''}
    }
  }
}
`;
}

/** An `upstream` block for 127.0.0.1 ports, with optional per-server parameters and block-level lines. */
export function upstreamBlock(name: string, ports: readonly number[], opts: { serverParams?: string; lines?: string } = {}): string {
  const servers = ports.map((p) => `  server 127.0.0.1:${p}${opts.serverParams ? ` ${opts.serverParams}` : ''};`).join('\n');
  return `upstream ${name} {\n${servers}\n${opts.lines ? `  ${opts.lines}\n` : ''}}\n`;
}
