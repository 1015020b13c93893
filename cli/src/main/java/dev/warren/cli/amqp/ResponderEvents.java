package dev.warren.cli.amqp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;

/** What the responder does besides deciding, as JSON lines next to the decision log. */
final class ResponderEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;

    ResponderEvents(PrintStream out) {
        this.out = out;
    }

    void connected(BrokerAddress broker, ResponderSettings settings) {
        ObjectNode line = line("INFO", "connected");
        line.put("broker", broker.describe());
        line.put("exchange", settings.exchange());
        line.put("queue", settings.queue());
        line.put("prefetch", settings.prefetch());
        line.put("deadline_ms", settings.deadline().toMillis());
        line.put("question_ttl_ms", settings.questionTtl().toMillis());
        print(line);
    }

    /** The connection went away ({@code disconnected}) or could not be made ({@code connect failed}). */
    void retrying(boolean wasConnected, String reason, long retryInMillis) {
        ObjectNode line = line("WARN", wasConnected ? "disconnected" : "connect failed");
        line.put("reason", LogText.truncate(reason));
        line.put("retry_in_ms", retryInMillis);
        print(line);
    }

    /** A question that gets no answer at all. */
    void dropped(Question question, String reason) {
        ObjectNode line = line("WARN", "question dropped");
        line.put("reason", reason);
        question.path().ifPresent(p -> line.put("path", p.label()));
        String username = switch (question) {
            case Question.Valid valid -> valid.request().username();
            case Question.Malformed bad -> bad.username().orElse(null);
        };
        if (username != null) {
            line.put("username", LogText.truncate(username));
        }
        print(line);
    }

    /** A decision that came after its question had been refused for lateness. */
    void lateDecisionDiscarded(Reply reply) {
        ObjectNode line = line("WARN", "late decision discarded");
        line.put("path", reply.record().path());
        line.put("decision", reply.record().result());
        line.put("cause", reply.record().cause().label());
        line.put("latency_us", reply.record().latencyMicros());
        print(line);
    }

    void failed(String what, String reason) {
        ObjectNode line = line("ERROR", what);
        line.put("reason", LogText.truncate(reason));
        print(line);
    }

    void stopped() {
        print(line("INFO", "stopped"));
    }

    private static ObjectNode line(String level, String message) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        return line;
    }

    private void print(ObjectNode line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
