#!/usr/bin/env bash
# Builds a Docker base image from this machine's own .NET SDK and the system libraries it links, downloading
# nothing: no image can be pulled here, so the container tests build the action's Dockerfile FROM this image
# (as SDK_IMAGE and RUNTIME_IMAGE). Usage: build-base-image.sh TAG
set -euo pipefail
tag="$1"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
mkdir -p "$root"/usr/bin "$root"/usr/lib "$root"/usr/lib64 "$root"/usr/share "$root"/etc "$root"/root "$root"/tmp
ln -s usr/bin "$root/bin"
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
chmod 1777 "$root/tmp"
cp -a "$dotnet_root" "$root/usr/share/dotnet"
ln -s ../share/dotnet/dotnet "$root/usr/bin/dotnet"
cp "$(readlink -f /bin/sh)" "$root/usr/bin/sh"
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"

# Every library the host, the runtime's native parts and the shell link, plus OpenSSL, which .NET loads at run time.
binaries=("$dotnet_root/dotnet" /bin/sh)
while IFS= read -r -d '' so; do binaries+=("$so"); done < <(find "$dotnet_root" -name '*.so' -print0)
for ssl in libssl.so.3 libcrypto.so.3; do
  binaries+=("$(ldconfig -p | awk -v n="$ssl" '$1 == n { print $NF; exit }')")
done
{
  for binary in "${binaries[@]}"; do
    ldd "$binary" 2>/dev/null | awk '/=>/ && $3 ~ /^\// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }'
    case "$binary" in *libssl.so.3|*libcrypto.so.3) echo "$binary" ;; esac
  done
} | sort -u | while read -r lib; do
  real="$(readlink -f "$lib")"
  mkdir -p "$root$(dirname "$real")"
  cp -n "$real" "$root$real"
  # Keep the name the binaries ask for (/lib64/ld-linux-x86-64.so.2, libfoo.so.1 -> libfoo.so.1.2.3).
  named="$(readlink -m "$root$(dirname "$lib")")/$(basename "$lib")"
  if [ ! -e "$named" ]; then
    mkdir -p "$(dirname "$named")"
    ln -s "$real" "$named"
  fi
done

tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/share/dotnet:/usr/bin' \
  --change 'ENV HOME=/root' \
  --change 'ENV DOTNET_ROOT=/usr/share/dotnet' \
  --change 'ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1' \
  --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' \
  --change 'ENV DOTNET_NOLOGO=1' \
  --change 'ENV DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1' \
  - "$tag" >/dev/null
echo "$tag"
