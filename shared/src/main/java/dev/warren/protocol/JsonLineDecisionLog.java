package dev.warren.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;

/** Writes each decision as one JSON line (for the local server). */
public final class JsonLineDecisionLog implements DecisionLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;

    public JsonLineDecisionLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void record(DecisionRecord r) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", "INFO");
        line.put("message", "decision");
        line.put("path", r.path());
        line.put("method", r.method());
        putIfPresent(line, "username", r.username());
        putIfPresent(line, "vhost", r.vhost());
        putIfPresent(line, "resource", r.resource());
        putIfPresent(line, "name", r.name());
        putIfPresent(line, "permission", r.permission());
        putIfPresent(line, "routing_key", r.routingKey());
        line.put("decision", r.result());
        line.put("cause", r.cause().label());
        line.put("reason", r.reason());
        line.put("latency_us", r.latencyMicros());
        putIfPresent(line, "cache", r.cacheLabel());
        synchronized (out) {
            out.println(line);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
