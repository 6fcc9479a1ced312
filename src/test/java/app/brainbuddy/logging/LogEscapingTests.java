package app.brainbuddy.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.net.URL;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogEscapingTests {

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of("CR", "a\rb", "a\\rb"),
                Arguments.of("LF", "a\nb", "a\\nb"),
                Arguments.of("CR LF", "a\r\nb", "a\\r\\nb"),
                Arguments.of("NUL", "a\0b", "a\\0b"),
                Arguments.of("tab", "a\tb", "a\\tb"),
                Arguments.of("ESC", "a\u001bb", "a\\u001bb"),
                Arguments.of("DEL", "a\u007fb", "a\\u007fb"),
                Arguments.of("C1 next line", "a\u0085b", "a\\u0085b"),
                Arguments.of("line separator", "a\u2028b", "a\\u2028b"),
                Arguments.of("a backslash, so that no text passes for an escape", "a\\nb", "a\\\\nb"),
                Arguments.of("plain text", "plain text", "plain text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void controlCharactersAreWrittenAsEscapes(String name, String text, String escaped) {
        assertThat(LogText.escape(text)).isEqualTo(escaped);
    }

    /** Through the application's logback-spring.xml, as a log line is really written. */
    @Test
    void aMessageAndAnExceptionMessageWithLineBreaksStayOnTheirLines() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL configuration = getClass().getResource("/logback-spring.xml");
        configurator.doConfigure(configuration);
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%m|%wEx");
        layout.start();
        var logger = context.getLogger("test");
        String hostile = "x\u0000\r\n2026-11-29 ERROR forged line";
        LoggingEvent event = new LoggingEvent(
                "test", logger, Level.ERROR, "value {}", new IllegalArgumentException(hostile), new Object[] {hostile});

        String line = layout.doLayout(event);

        assertThat(line).doesNotContain("\u0000", "\r", "\nforged", "\n2026");
        assertThat(line).startsWith("value x\\0\\r\\n2026-11-29 ERROR forged line|");
        assertThat(line).contains("IllegalArgumentException: x\\0\\r\\n2026-11-29 ERROR forged line");
        assertThat(line.lines()).as("no line of the attacker's own").noneMatch(l -> l.startsWith("2026-11-29"));
        assertThat(line).as("the stack frames keep their own lines").contains("\n\tat ");
    }
}
