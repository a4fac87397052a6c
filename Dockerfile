# pfbot's OCI image: `pfbot serve` on a Debian 12 base, the store on a volume.
#
#   docker build -t pfbot .
#   docker run -p 8080:8080 -v pfbot-data:/var/lib/pfbot \
#     -e PFBOT_GITHUB_REPOSITORY=owner/repo -e PFBOT_GITHUB_TOKEN_FILE=/run/secrets/github-token … pfbot
#
# Built by .github/workflows/release.yml for linux/amd64 and linux/arm64 and pushed to ghcr.io. docs/deployment.md
# lists the settings; every pfbot.yml key has a PFBOT_… environment variable (docs/configuration.md).

# ---- build: the release binary with the Swift standard library linked in ----
FROM swift:6.2-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libgit2-dev libsecp256k1-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product pfbot --static-swift-stdlib \
 && mkdir -p /out \
 && cp .build/release/pfbot /out/ \
 && cp -R .build/release/*.resources /out/

# ---- runtime: the system libraries pfbot links dynamically, and nothing else ----
# (SQLite is compiled into pfbot by sqlite-nio; libc, libstdc++, libgcc and zlib are part of every Debian 12 image.)
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libgit2-1.5 libsecp256k1-1 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 pfbot \
 && useradd --system --uid 10001 --gid pfbot --home-dir /var/lib/pfbot --shell /usr/sbin/nologin pfbot \
 && install -d -o pfbot -g pfbot -m 0750 /var/lib/pfbot
# The binary loads its resource bundles (templates, XRPL definitions) from the folder it sits in.
COPY --from=build /out/ /opt/pfbot/
RUN ln -s /opt/pfbot/pfbot /usr/local/bin/pfbot
ENV PFBOT_DATA_DIR=/var/lib/pfbot \
    PFBOT_SERVER_HOST=0.0.0.0 \
    PFBOT_SERVER_PORT=8080
WORKDIR /var/lib/pfbot
VOLUME ["/var/lib/pfbot"]
USER pfbot:pfbot
EXPOSE 8080
# GET /healthz answers 200 while the process serves; bash's /dev/tcp needs no HTTP client in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PFBOT_SERVER_PORT:-8080} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/opt/pfbot/pfbot"]
CMD ["serve"]
