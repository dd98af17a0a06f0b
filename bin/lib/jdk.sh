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

# JVM options for the suite's processes: quiet the JDK 23+ warnings about Netty's and JNA's native access.
laa_java_opts() {
  local major
  major=$(laa_java_major "$JAVA_HOME/bin/java")
  printf '%s' "--enable-native-access=ALL-UNNAMED"
  [ "$major" -ge 23 ] && printf ' %s' "--sun-misc-unsafe-memory-access=allow"
  return 0
}
