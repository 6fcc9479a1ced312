package app.brainbuddy.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/** Spring Boot's own analysis of a taken port, with the ways to choose another one for this server. */
class PortInUse extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        int port = cause.getPort();
        return new FailureAnalysis(
                "Port " + port + " is already in use, perhaps by another Brain Buddy server.",
                "Stop the process listening on port " + port + ", or start this server on another port: "
                        + "./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=8091, "
                        + "java -jar target/brain-buddy-api-*.jar --server.port=8091, or SERVER_PORT=8091.",
                cause);
    }

    /** Before Spring Boot's {@code PortInUseFailureAnalyzer}, which would answer first otherwise. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
