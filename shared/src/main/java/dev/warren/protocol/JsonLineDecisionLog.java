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
            r.writeFields(new DecisionRecord.Fields<IOException>() {
                @Override
                public void text(String name, String value) throws IOException {
                    json.writeStringField(name, value);
                }

                @Override
                public void number(String name, long value) throws IOException {
                    json.writeNumberField(name, value);
                }
            });
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a decision log line could not be written", e); // a StringWriter does not fail
        }
        return text.toString();
    }
}
