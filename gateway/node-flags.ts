// Node flags the gateway process runs with, wherever it is started (scripts/start.sh, the
// Dockerfile, docker-compose.yml, the Helm chart, the test harness and the chaos run; the ops
// tests check that each launcher passes exactly these).
//
// A 16 MiB semi-space. On a host with many GiB, V8 grows the young generation to 64 MiB per
// semi-space under the allocation burst of thousands of connects and keeps it: measured at
// 10,000 idle sockets, 18.0 KiB of RSS per socket with the default, 9.3 KiB with this cap
// (bench connections scenario). A scavenge stays cheap because what survives it is small.
export const GATEWAY_NODE_FLAGS = ['--max-semi-space-size=16'] as const;
