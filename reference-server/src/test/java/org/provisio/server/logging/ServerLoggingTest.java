package org.provisio.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.provisio.server.config.OperationsSettings.LogFormat;

/** The two line formats of the server's log, one record at a time. */
class ServerLoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGED = "kim@example.com\r\nINFO provisio.access - forged\u0007\"}{\"level\":\"ERROR";

    private static LoggingEvent event(LoggerContext context, Throwable thrown) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("provisio.access"), Level.WARN,
                "invitation for {} sent", thrown, new Object[] {FORGED});
        event.setThreadName("grizzly-http-server-7");
        event.setMDCPropertyMap(Map.of("requestId", "4bf92f35-77b3"));
        return event;
    }

    private static String encode(LogFormat format, ILoggingEvent event, LoggerContext context) {
        Encoder<ILoggingEvent> encoder = ServerLogging.encoder(context, format);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void aJsonRecordIsOneObjectOnOneLineWithItsFieldsMdcAndStackTrace() throws Exception {
        LoggerContext context = new LoggerContext();
        IllegalStateException thrown = new IllegalStateException("the store\nis gone", new RuntimeException("cause"));

        String line = encode(LogFormat.JSON, event(context, thrown), context);

        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r", "\u0007");
        JsonNode record = JSON.readTree(line);
        assertThat(record.isObject()).isTrue();
        assertThat(record.get("timestamp").isNumber()).isTrue();
        assertThat(record.get("level").asText()).isEqualTo("WARN");
        assertThat(record.get("loggerName").asText()).isEqualTo("provisio.access");
        assertThat(record.get("threadName").asText()).isEqualTo("grizzly-http-server-7");
        assertThat(record.get("mdc").get("requestId").asText()).isEqualTo("4bf92f35-77b3");
        assertThat(record.get("formattedMessage").asText()).isEqualTo("invitation for " + FORGED + " sent");
        assertThat(record.get("throwable").get("className").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(record.get("throwable").get("message").asText()).isEqualTo("the store\nis gone");
        assertThat(record.get("throwable").get("stepArray").size()).isPositive();
        assertThat(record.get("throwable").get("cause").get("message").asText()).isEqualTo("cause");
        assertThat(record.has("arguments")).as("the arguments are in the message already").isFalse();
        assertThat(record.has("context")).isFalse();
    }

    @Test
    void aTextRecordLooksAsItAlwaysDidWithControlCharactersEscaped() {
        LoggerContext context = new LoggerContext();

        String line = encode(LogFormat.TEXT, event(context, null), context);

        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  provisio.access - "
                + "invitation for kim@example.com\\\\r\\\\nINFO provisio.access - forged\\\\u0007\"\\}\\{\"level\":\"ERROR sent"
                + System.lineSeparator());
    }

    @Test
    void theFormatComesFromTheSystemPropertyAndABadValueLeavesText() {
        String before = System.getProperty("provisio.log.format");
        try {
            System.setProperty("provisio.log.format", "JSON");
            assertThat(ServerLogging.formatOfThisProcess()).isEqualTo(LogFormat.JSON);
            System.setProperty("provisio.log.format", "text");
            assertThat(ServerLogging.formatOfThisProcess()).isEqualTo(LogFormat.TEXT);
            System.setProperty("provisio.log.format", "yaml");
            assertThat(ServerLogging.formatOfThisProcess()).isEqualTo(LogFormat.TEXT);
        } finally {
            if (before == null) {
                System.clearProperty("provisio.log.format");
            } else {
                System.setProperty("provisio.log.format", before);
            }
        }
    }
}
