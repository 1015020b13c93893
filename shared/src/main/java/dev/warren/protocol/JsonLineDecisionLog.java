package dev.warren.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes each decision as one JSON line (for the local server), streamed field by field: no tree
 * of nodes is built per decision (a busy server logs tens of thousands a second).
 */
public final class JsonLineDecisionLog implements DecisionLog {

    private static final JsonFactory JSON = new JsonFactory();
    private final PrintStream out;

    public JsonLineDecisionLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void record(DecisionRecord r) {
        String line = line(r);
        synchronized (out) {
            out.println(line);
        }
    }

    static String line(DecisionRecord r) {
        StringWriter text = new StringWriter(384);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.now().toString());
            json.writeStringField("level", "INFO");
            json.writeStringField("message", "decision");
            json.writeStringField("path", r.path());
            json.writeStringField("method", r.method());
            writeIfPresent(json, "username", r.username());
            writeIfPresent(json, "vhost", r.vhost());
            writeIfPresent(json, "resource", r.resource());
            writeIfPresent(json, "name", r.name());
            writeIfPresent(json, "permission", r.permission());
            writeIfPresent(json, "routing_key", r.routingKey());
            json.writeStringField("decision", r.result());
            json.writeStringField("cause", r.cause().label());
            json.writeStringField("reason", r.reason());
            json.writeNumberField("latency_us", r.latencyMicros());
            writeIfPresent(json, "cache", r.cacheLabel());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a decision log line could not be written", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
