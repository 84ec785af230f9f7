// One GET on a fresh connection: the status, or 0 when nothing answered.
import http from 'node:http';

/** Status code of GET `url` on its own connection; 0 on any error or after 2 s. */
export function getStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}
