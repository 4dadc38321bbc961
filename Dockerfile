# Builds the service from the repository and runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY retention-domain retention-domain
COPY retention-persistence retention-persistence
COPY retention-api retention-api
COPY retention-client retention-client
COPY retention-app retention-app
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 retention
USER retention
WORKDIR /app
COPY --from=build /src/retention-app/target/retention-app-*.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
