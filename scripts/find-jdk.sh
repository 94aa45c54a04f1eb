# Sourced by ./mvnw and the project's scripts: makes JAVA_HOME point at a JDK >= 21.
# The project targets Java 21 (virtual threads for per-call work) while many machines still
# default to an older java; rather than fail, pick the newest suitable JDK that is installed.
cc_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(cc_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  cc_best=""; cc_best_major=0
  for cc_jdk in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$cc_jdk/bin/javac" ] || continue
    cc_major=$(cc_java_major "$cc_jdk")
    if [ -n "$cc_major" ] && [ "$cc_major" -ge 21 ] && [ "$cc_major" -gt "$cc_best_major" ]; then
      cc_best=$cc_jdk; cc_best_major=$cc_major
    fi
  done
  if [ -n "$cc_best" ]; then
    export JAVA_HOME="$cc_best"
  else
    echo "No JDK 21 or newer found (looked in /usr/lib/jvm, /opt). Install one and set JAVA_HOME." >&2
  fi
  unset cc_best cc_best_major cc_jdk cc_major
fi
