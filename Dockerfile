# syntax=docker/dockerfile:1
# Saraban Flow: one image for the API, the worker and the CLI (migrations, imports).
#   docker compose up --build      (see docker-compose.yml)

# ---- build -------------------------------------------------------------------
FROM node:20-bookworm-slim AS builder
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true \
    SCARF_ANALYTICS=false \
    CI=true
# Toolchain only for optional native add-ons that have no prebuilt binary.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm ci refuses a lockfile that lacks other platforms' optional packages (which
# happens when it was written against a registry mirror without them); npm
# install then installs the same locked versions.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime -----------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
# Debian's Chromium (its headless shell) renders the PDFs, Thai fonts (TH Sarabun-compatible Laksaman
# and the rest of TLWG), poppler-utils to check them, qpdf to make uploaded PDFs
# inert, openssl for certificates.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium-headless-shell fonts-tlwg-laksaman fonts-thai-tlwg poppler-utils qpdf openssl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV CHROMIUM_PATH=/usr/lib/chromium/chromium-headless-shell \
    PUPPETEER_SKIP_DOWNLOAD=true \
    PORT=3000
COPY --from=builder --chown=node:node /app/package.json ./package.json
COPY --from=builder --chown=node:node /app/node_modules ./node_modules
COPY --from=builder --chown=node:node /app/dist ./dist
COPY --from=builder --chown=node:node /app/templates ./templates
COPY --from=builder --chown=node:node /app/demo ./demo
# Writable state (files, logs) lives under /app/var: mount a volume there.
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
