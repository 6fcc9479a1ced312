package app.brainbuddy.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m}: the formatted message, escaped (its arguments may be anything a request carried). */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return String.valueOf(LogText.escape(super.convert(event)));
    }
}
