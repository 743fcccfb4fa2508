# khabar: the bot plus its pipeline. Redis comes from docker-compose.yml (or KHABAR_REDIS_URL).
FROM python:3.12-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    KHABAR_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY feeds ./feeds
COPY digest ./digest
COPY seeds ./seeds
RUN pip install . && useradd --system --home /data --uid 10001 khabar && mkdir -p /data && chown khabar /data

USER khabar
VOLUME ["/data"]
ENTRYPOINT ["khabar"]
CMD ["run"]
