# Sourced by bin/laa: makes JAVA_HOME a JDK of version 21 or newer, or says what is missing.

laa_java_major() { # JAVA_BIN -> major version
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

laa_pick_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(laa_java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "The LAA Suite needs a JDK 21 or newer (javac included); none was found." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME to it." >&2
  return 1
}

# JVM options for the suite's processes: quiet the JDK 23+ warnings about Netty's and JNA's native access. Given a
# service's name (bin/laa's start_service), also how that service runs:
# - full JIT (C1 then C2): stopping at C1 starts ~2 s of CPU faster but serves a report card with twice the CPU;
# - a class-data archive per service ($STATE/cds/NAME.jsa, made at the first run's exit and remade when the JDK or
#   the class path changes): the classes load mapped instead of parsed, ~2 s of CPU less at every start;
# - memory bounded whatever the machine's size (the heap otherwise grows to a quarter of it, and did to 1-2.6 GB
#   under load): serial GC, the heap (the gateway, which renders pages and PDFs, gets more), thread stacks, the
#   code cache, metaspace and the direct memory Netty takes its buffers from (MaxDirectMemorySize bounds Netty's
#   pools, gRPC's and the HTTP server's).
laa_java_opts() { # [SERVICE]
  local major heap=192m
  major=$(laa_java_major "$JAVA_HOME/bin/java")
  printf '%s' "--enable-native-access=ALL-UNNAMED"
  [ "$major" -ge 23 ] && printf ' %s' "--sun-misc-unsafe-memory-access=allow"
  [ -n "${1:-}" ] || return 0
  [ "$1" = reporting-gateway ] && heap=256m
  mkdir -p "$STATE/cds"
  printf ' %s' -XX:+UseSerialGC "-Xms32m" "-Xmx$heap" -Xss512k -XX:ReservedCodeCacheSize=64m \
    -XX:MaxMetaspaceSize=192m -XX:MaxDirectMemorySize=64m \
    "-XX:SharedArchiveFile=$STATE/cds/$1.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off
  return 0
}
