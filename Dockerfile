# One image for every Commons Graph server; the compose file picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json tsconfig.test.json .swcrc jest.config.js ./
COPY schema schema
COPY postgres postgres
COPY subgraphs subgraphs
COPY gateway gateway
COPY cli cli
COPY demo demo
RUN npm ci --no-audit --no-fund && npx tsc -b schema postgres subgraphs/community-node gateway demo && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 4000 4001
CMD ["node", "gateway/dist/cli.js", "start"]
