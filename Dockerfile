# syntax=docker/dockerfile:1
# Build with the Maven wrapper on a JDK, run on a JRE from the extracted, layered jar.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY schema/ schema/
COPY src/ src/
# extracted as application.jar plus lib/: the layout a JVM AOT cache works with
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
 && cp target/brain-buddy-api-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
RUN groupadd --system brainbuddy && useradd --system --gid brainbuddy --home-dir /app brainbuddy \
 && mkdir -p /app/data && chown brainbuddy:brainbuddy /app/data
WORKDIR /app
# least-changing layers first, so a code change rebuilds only the last one
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# JVM settings, the ones bench/run measures (it reads them here; docs/benchmarks.md, "Memory (NMT)"):
# the serial collector; the heap at most a quarter of the container's memory (128 MB in a container
# of 512 MB) and a sixteenth at start (32 MB): the JVM's own start, a 64th (8 MB), leaves the old
# generation too small for the AOT cache's archived objects, and the JVM then refuses to start
# ("archived heap objects cannot be loaded"); the native heap trimmed every second, which gives the
# memory the JIT compiler freed back to the system. The AOT cache below is made with them, so
# change them with --build-arg JAVA_OPTIONS=... to make a cache that matches.
ARG JAVA_OPTIONS="-XX:MaxRAMPercentage=25 -XX:InitialRAMPercentage=6.25 -XX:+UseSerialGC -XX:TrimNativeHeapInterval=1000 -XX:+ExitOnOutOfMemoryError"
# glibc's allocator keeps up to 8 arenas per core, each holding the memory its threads freed;
# two are enough for a server whose request threads are virtual and whose native memory is the JVM's
ENV MALLOC_ARENA_MAX=2
ENV BRAINBUDDY_MONGO_EMBEDDED_PATH=/app/data/brain-buddy.mv.db \
    JAVA_TOOL_OPTIONS=$JAVA_OPTIONS
# The JVM's AOT cache (JDK 25): a training run starts the application on an in-memory embedded
# database and stops once the context is ready; with the cache it is ready in about half the time.
RUN java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar application.jar \
      --brainbuddy.mongo.embedded.storage=memory --brainbuddy.mongo.embedded.port=0 --server.port=0 \
 && rm -rf /tmp/*
USER brainbuddy
# MONGODB_URL selects MongoDB/Atlas; without it the embedded database keeps its file in /app/data
VOLUME /app/data
EXPOSE 8080
# bash's /dev/tcp needs no curl in the image
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf "GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/application.jar"]
