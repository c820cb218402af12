# The pipeline's one image (streams app, producer, tail): build the jars first with
#   mvn -DskipTests package
# then `docker compose up --build`.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY streams-app/target/lib/ /app/lib/
COPY streams-app/target/streams-app.jar /app/streams-app.jar
COPY seeds/ /app/seeds/
ENV NEWS_PIPELINE_STATE_DIR=/var/lib/news-pipeline/state
VOLUME /var/lib/news-pipeline
# the operations server of `run` (http.port): /metrics, /health, /ready, the live view
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/streams-app.jar:/app/lib/*", "news.pipeline.app.cli.PipelineCli"]
CMD ["run"]
