package org.provisio.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.provisio.adapters.delivery.LogText;

/**
 * {@code %msg} with control characters escaped ({@code \r}, {@code \n}, U+0007...), so that
 * a value a client supplied — a userName with CR/LF, a header — can never start a forged log line.
 * Configured in {@code logback.xml} in place of Logback's own {@code msg} converter.
 */
public final class EscapedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return message == null ? null : LogText.escape(message);
    }
}
