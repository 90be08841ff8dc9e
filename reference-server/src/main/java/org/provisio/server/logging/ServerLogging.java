package org.provisio.server.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.provisio.server.config.ConfigException;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.config.OperationsSettings.LogFormat;

/**
 * The reference server's logging, set up in code (found by Logback as a {@link Configurator}
 * service): one line per record on standard output, written by one thread from a queue so that no
 * request waits for the console (the queue keeps every line; {@link #flush()} writes it out at exit),
 * Jersey, Grizzly, HikariCP and Flyway at WARN. Parsing an XML configuration costs the start-up a few
 * hundred milliseconds for nothing. An operator's own file, {@code -Dlogback.configurationFile=...},
 * still wins: then this configurator steps aside.
 *
 * <p>The format is {@code PROVISIO_LOG_FORMAT} ({@code -Dprovisio.log.format}), read here, before the
 * first line is written and before the rest of the configuration is loaded (a bad value leaves the
 * text format, and the configuration then stops start-up with one line naming it):
 * <ul>
 *   <li>{@code text}, the default: {@code 2024-03-01T09:00:00.123Z INFO  provisio.access - GET ...},
 *       {@code %msg} with control characters escaped ({@link EscapedMessageConverter}) so that a value
 *       a client sent can never start a forged line;</li>
 *   <li>{@code json}: one JSON object per line, by Logback's own {@link JsonEncoder} —
 *       {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName},
 *       {@code mdc} (with the {@code requestId} of the request the line was written for),
 *       {@code formattedMessage} and {@code throwable} (class, message and stack frames, causes
 *       included) — JSON escaping keeps every record on one line.</li>
 * </ul>
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ServerLogging extends ContextAwareBase implements Configurator {
    /** The pattern of a text line: time (UTC), level, logger, message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, formatOfThisProcess());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The format this process was asked for; text when the value is bad, since {@code Main} refuses
     * it with one clear line a moment later (a log line about it here would come first, in the
     * wrong format).
     */
    static LogFormat formatOfThisProcess() {
        try {
            return new ConfigLoader(System.getenv(), System.getProperties()).logFormat();
        } catch (ConfigException e) {
            return LogFormat.TEXT;
        }
    }

    /** Standard output through the queue, in {@code format}. */
    static void configure(LoggerContext context, LogFormat format) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder(context, format));
        console.start();
        // request threads hand their lines to one writer instead of waiting on standard output; the
        // queue is large and nothing is dropped (a full queue makes the caller wait, never lose a line)
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.addAppender(console);
        async.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(async);
        for (String quiet : new String[] {"org.glassfish", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
    }

    /**
     * Writes out the lines still queued and stops logging: the last call of the process. The queue's
     * writer is a daemon thread, which the JVM would not wait for.
     */
    public static void flush() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    /** How a record becomes a line of {@code format}, started. */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        return switch (format) {
            case TEXT -> text(context);
            case JSON -> json(context);
        };
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("msg", EscapedMessageConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // what a log pipeline needs of a record, and nothing it would have to throw away: no sequence
        // number or nanoseconds, no logger context, no message template or its arguments beside the
        // message itself (the arguments are in it already)
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithMarkers(false);
        encoder.setWithKVPList(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMDC(true);
        encoder.setWithThrowable(true);
        encoder.start();
        return encoder;
    }
}
