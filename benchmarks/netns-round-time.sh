#!/usr/bin/env bash
# Round time of the Aeron transport between network-namespace "hosts" joined by 1 Gbit/s links.
#
# Topology: a switch namespace with a bridge; a server host and K worker hosts, each joined to the bridge
# by a veth pair shaped with tc tbf to $RATE in both directions (host egress and switch egress toward the
# host), so every host has a full-duplex $RATE link and the server's link is the shared bottleneck. Every
# host runs its own embedded media driver; the workers reach the server over UDP unicast (uplink) and the
# server broadcasts each estimate by multi-destination-cast (one unicast copy per worker).
#
# For each codec it runs `rdc serve` in the server host and `rdc worker` in each worker host (synthetic
# Gaussian source, replayed so the generator stays out of the round time) and prints, from the server's
# JSON summary, the measured bits per coordinate, MSE and mean round time after the warm-up round 0.
# The CEO codec ($CEO_CODECS) runs as a row of its own with the float32 downlink: its frames are decoded
# jointly in the planner's order, and its bits per coordinate include the back channel (rate-adaptive
# ladder bits and raw fallbacks, with their requests), whose counts are the req and fb columns.
#
# Needs root (ip netns, veth, bridge, tc) and a JDK >= 25 for ./rdc. Environment:
#   K=4 DIM=1048576 ROUNDS=20 RATE=1gbit CODECS="identity sign dithered:step=1" DOWNLINKS="identity same"
#   CEO_CODECS="ceo:rho=1" (empty to skip the CEO row)
#   (DOWNLINKS: "identity" broadcasts the estimate as float32; "same" encodes it with the workers' codec)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
K=${K:-4}
DIM=${DIM:-1048576}
ROUNDS=${ROUNDS:-20}
RATE=${RATE:-1gbit}
CODECS=${CODECS:-"identity sign dithered:step=1"}
CEO_CODECS=${CEO_CODECS-"ceo:rho=1"}
DOWNLINKS=${DOWNLINKS:-"identity same"}
PREFIX=rdnb
NET=10.77.0
SERVER_IP=$NET.1
BASE_PORT=40100
out_dir=$(mktemp -d /tmp/rdcodec-netns.XXXXXX)
pids=()

cleanup() {
  for p in "${pids[@]:-}"; do
    [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true
  done
  for ns in $(ip netns list | awk '{print $1}' | grep "^$PREFIX-" || true); do
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$out_dir"
}
trap cleanup EXIT

host_ns() { printf '%s-%s' "$PREFIX" "$1"; }

make_host() {
  # make_host NAME IP: a namespace with eth0 at IP, linked to the switch's bridge, both directions shaped.
  local name=$1 ip=$2 ns
  ns=$(host_ns "$name")
  ip netns add "$ns"
  ip link add "$PREFIX$name" type veth peer name "s$PREFIX$name"
  ip link set "$PREFIX$name" netns "$ns"
  ip -n "$ns" link set "$PREFIX$name" name eth0
  ip -n "$ns" addr add "$ip/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
  ip link set "s$PREFIX$name" netns "$(host_ns sw)"
  ip -n "$(host_ns sw)" link set "s$PREFIX$name" master br0
  ip -n "$(host_ns sw)" link set "s$PREFIX$name" up
  ip netns exec "$ns" tc qdisc add dev eth0 root tbf rate "$RATE" burst 256kb latency 50ms
  ip netns exec "$(host_ns sw)" tc qdisc add dev "s$PREFIX$name" root tbf rate "$RATE" burst 256kb latency 50ms
}

cleanup_stale() {
  for ns in $(ip netns list | awk '{print $1}' | grep "^$PREFIX-" || true); do ip netns del "$ns"; done
}

cleanup_stale
ip netns add "$(host_ns sw)"
ip -n "$(host_ns sw)" link add br0 type bridge
ip -n "$(host_ns sw)" link set br0 up
make_host srv "$SERVER_IP"
for ((k = 0; k < K; k++)); do
  make_host "w$k" "$NET.$((10 + k))"
done

"$here/rdc" --version >/dev/null # builds the CLI if stale
# Run a snapshot of the jar on the launcher's JDK and flags, so a rebuild meanwhile cannot disturb the hosts.
cp "$here/codec-cli/target/rdc.jar" "$out_dir/rdc.jar"
jdk=""
for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ]; then
    v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then jdk=$cand; break; fi
  fi
done
[ -n "$jdk" ] || { echo "no JDK >= 25 found" >&2; exit 1; }
rdc=("$jdk/bin/java" --add-modules jdk.incubator.vector --add-opens java.base/jdk.internal.misc=ALL-UNNAMED
     --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
     --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xmx1g -jar "$out_dir/rdc.jar")

run_one() {
  # run_one CODEC DOWNLINK_CODEC -> prints one table row
  local codec=$1 down=$2 log="$out_dir/server.json"
  local common=(--workers "$K" --dim "$DIM" --codec "$codec" --replay 2 --downlink-codec "$down"
                --round-timeout-ms 20000 --first-round-timeout-ms 60000 --join-timeout-ms 60000)
  ip netns exec "$(host_ns srv)" "${rdc[@]}" serve "${common[@]}" --rounds "$ROUNDS" --json \
      --uplink "aeron:udp?endpoint=$SERVER_IP:$BASE_PORT" \
      --downlink "aeron:udp?control=$SERVER_IP:$((BASE_PORT + 1))|control-mode=dynamic" \
      >"$log" 2>"$out_dir/server.err" &
  local server=$!
  pids=("$server")
  sleep 2
  for ((k = 0; k < K; k++)); do
    local wip="$NET.$((10 + k))"
    ip netns exec "$(host_ns "w$k")" "${rdc[@]}" worker --worker "$k" "${common[@]}" --quiet \
        --uplink "aeron:udp?endpoint=$SERVER_IP:$BASE_PORT" \
        --downlink-subscribe "aeron:udp?endpoint=$wip:$((BASE_PORT + 2))|control=$SERVER_IP:$((BASE_PORT + 1))|control-mode=dynamic" \
        2>"$out_dir/w$k.err" &
    pids+=("$!")
  done
  if ! wait "$server"; then
    echo "server failed for $codec / $down:" >&2
    cat "$out_dir/server.err" >&2
    return 1
  fi
  for p in "${pids[@]:1}"; do wait "$p" || true; done
  pids=()
  tail -n 1 "$log" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print("%-18s %-18s %10.4f %10.5f %10.4f %5d %5d %5d %6d %5d" % (s["codec"], s["downlinkCodec"], s["bitsPerCoordinate"], s["meanMse"],
      s["meanRoundSecondsAfterFirst"], s["lateWorkers"], s["corruptFrames"], s["workersLost"], s.get("requests", 0),
      s.get("fallbacks", 0)))'
}

echo "K=$K workers, P=$DIM coordinates, $ROUNDS rounds, links $RATE (tbf), UDP, one media driver per host"
printf '%-18s %-18s %10s %10s %10s %5s %5s %5s %6s %5s\n' uplink-codec downlink-codec bits/coord mse round-s late crpt lost req fb
for codec in $CODECS; do
  for d in $DOWNLINKS; do
    down=$d
    [ "$d" = same ] && down=$codec
    run_one "$codec" "$down"
  done
done
for codec in $CEO_CODECS; do
  run_one "$codec" identity # the CEO estimate is broadcast as float32 (ceo is not a per-frame downlink codec)
done
