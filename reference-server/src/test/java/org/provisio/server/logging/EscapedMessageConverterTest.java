package org.provisio.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** The server's {@code %msg}: whatever a client put in a value, a log record stays one line. */
class EscapedMessageConverterTest {
    @Test
    void controlCharactersInAMessageOrItsArgumentsAreEscaped() {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("msg", EscapedMessageConverter::new);
        layout.setPattern("%level %msg%n");
        layout.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("provisio.mail"), Level.INFO,
                "invitation for {} sent", null, new Object[] {"kim@example.com\r\nINFO provisio.access - forged\u0007"});
        String line = layout.doLayout(event);
        assertThat(line).isEqualTo("INFO invitation for kim@example.com\\r\\nINFO provisio.access - forged\\u0007 sent"
                + System.lineSeparator());
    }
}
