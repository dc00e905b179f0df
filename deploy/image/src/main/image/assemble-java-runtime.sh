#!/usr/bin/env bash
# The image's base, assembled from the Java runtime that runs the build: no base image can be pulled where the
# project is built. It copies that runtime's java launcher, libraries and configuration (symbolic links resolved:
# Debian points the runtime's configuration and CA certificates into /etc) to /opt/java, the shared libraries they
# link (glibc, libstdc++, zlib, ...) found with ldd to the same paths, and an /etc/passwd naming the non-root user
# the image runs as. Development tools (javac's ct.sym, sources) and the desktop libraries stay out.
#
# Usage: assemble-java-runtime.sh JAVA_HOME OUTPUT_DIR
set -euo pipefail

java_home="$(cd "$1" && pwd -P)"
out="$2"
runtime="$out/opt/java"

rm -rf "$out"
mkdir -p "$runtime/bin" "$out/tmp" "$out/etc"

cp -L "$java_home/bin/java" "$runtime/bin/java"
[ -f "$java_home/release" ] && cp -L "$java_home/release" "$runtime/release"
(cd "$java_home" && find lib conf \( -type f -o -type l \)) | while read -r file; do
  case "$file" in
    lib/ct.sym|lib/src.zip|lib/libawt_xawt.so|lib/libsplashscreen.so|lib/libjawt.so|lib/libatk-wrapper.so) continue ;;
  esac
  # A link to a package that is not installed (an accessibility bridge, say) is not part of the runtime.
  [ -e "$java_home/$file" ] || continue
  mkdir -p "$runtime/$(dirname "$file")"
  cp -L "$java_home/$file" "$runtime/$file"
done

if [ ! -s "$runtime/lib/security/cacerts" ]; then
  echo "The Java runtime at $java_home has no CA certificates (lib/security/cacerts): the service could not call AWS" >&2
  exit 1
fi

# The shared libraries of the launcher and of every library of the runtime, and the dynamic loader itself.
find "$runtime" -type f \( -name java -o -name '*.so' \) -print0 \
  | xargs -0 -n 1 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' \
  | grep -v "^$runtime" | sort -u \
  | while read -r library; do
      mkdir -p "$out$(dirname "$library")"
      cp -L "$library" "$out$library"
    done
[ -n "$(ls "$out"/lib64/ld-linux-* 2>/dev/null)" ] || { echo "No dynamic loader found for $java_home/bin/java" >&2; exit 1; }

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
boxoffice:x:65532:65532:boxoffice:/tmp:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
boxoffice:x:65532:
GROUP
echo "Java runtime for the image: $java_home ($(du -sh "$out" | cut -f1))"
