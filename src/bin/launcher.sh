#!/bin/sh
# The sh half of dist/bin/pmdaemon.cjs (scripts/bundle-cli.mjs puts it in a JS comment): a user's `pmdaemon` runs it.
# Node reads every certificate in NODE_EXTRA_CA_CERTS before it runs any JS (~60 ms). ping, list --json
# and monit never speak TLS, so for them alone it is moved aside, and pmdaemon.cjs puts it back before the
# full CLI (and any daemon or app it starts) runs. Keep ping and list in step with fastCommand (fast-path.ts).
case "$#:$1:$2" in
1:ping: | 2:ping:--json | 2:list:--json | 2:ls:--json | *:monit:*)
  if [ -n "${NODE_EXTRA_CA_CERTS+set}" ] && [ -z "${PMDAEMON_SAVED_NODE_EXTRA_CA_CERTS+set}" ]; then
    export PMDAEMON_SAVED_NODE_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS"
    unset NODE_EXTRA_CA_CERTS
  fi
  ;;
esac
# node finds the real file behind npm's node_modules/.bin symlink itself.
exec node "$0" "$@"
