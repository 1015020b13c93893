package dev.warren.functions;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.warren.policy.AuthPath;
import dev.warren.policy.CacheOutcome;
import dev.warren.protocol.DecisionLog;
import dev.warren.protocol.DecisionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Each decision as one Powertools JSON log line (the request's fields, decision and reason; never
 * a password or body) and one EMF metrics document: {@code Decisions} and {@code Latency} by
 * function, path and decision, {@code StoreErrors} when a store (or warren itself) failed and the
 * answer fell back to deny, and {@code CacheHits} (1 for a policy-cache hit, 0 for a read or a stale copy) whenever
 * the policy came through the cache.
 */
public final class PowertoolsDecisionLog implements DecisionLog {

    public static final String DEFAULT_NAMESPACE = "Warren";
    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsDecisionLog.class);

    private final String function;
    private final Metrics metrics;

    PowertoolsDecisionLog(String function, Metrics metrics) {
        this.function = function;
        this.metrics = metrics;
    }

    /**
     * Metrics go out only where EMF has a known destination (in Lambda, or with
     * {@code AWS_EMF_ENVIRONMENT} set): elsewhere the EMF library would probe for an agent.
     */
    static PowertoolsDecisionLog create(AuthPath function, Map<String, String> env) {
        boolean emf = env.containsKey("AWS_LAMBDA_FUNCTION_NAME") || env.containsKey("AWS_EMF_ENVIRONMENT");
        Metrics metrics = null;
        if (emf) {
            String namespace = env.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", DEFAULT_NAMESPACE);
            metrics = MetricsBuilder.builder().withNamespace(namespace)
                    .withService(env.getOrDefault("POWERTOOLS_SERVICE_NAME", "warren")).build();
        } else {
            LOG.warn("not in Lambda (no AWS_LAMBDA_FUNCTION_NAME or AWS_EMF_ENVIRONMENT): EMF metrics are off");
        }
        return new PowertoolsDecisionLog(function.label(), metrics);
    }

    @Override
    public void record(DecisionRecord r) {
        try {
            boolean storeError = r.decision().isError();
            Object[] fields = fields(r).toArray();
            if (storeError) {
                LOG.warn("decision", fields);
            } else {
                LOG.info("decision", fields);
            }
            if (metrics != null) {
                metrics.flushMetrics(m -> {
                    m.addDimension(DimensionSet.of("Function", function, "Path", r.path(), "Decision", r.result()));
                    m.addMetric("Decisions", 1, MetricUnit.COUNT);
                    m.addMetric("Latency", r.latencyMicros() / 1000.0, MetricUnit.MILLISECONDS);
                    m.addMetric("StoreErrors", storeError ? 1 : 0, MetricUnit.COUNT);
                    if (r.cache() != CacheOutcome.NONE) {
                        m.addMetric("CacheHits", r.cache() == CacheOutcome.HIT ? 1 : 0, MetricUnit.COUNT);
                    }
                });
            }
        } catch (RuntimeException | LinkageError e) {
            // A logging failure must never change the answer (LinkageError: the jar leaves out
            // Powertools' JSON helpers for arbitrary objects; only strings and numbers are logged).
        }
    }

    static List<StructuredArgument> fields(DecisionRecord r) {
        List<StructuredArgument> out = new ArrayList<>(13);
        r.writeFields(new DecisionRecord.Fields<RuntimeException>() {
            @Override
            public void text(String name, String value) {
                out.add(entry(name, value));
            }

            @Override
            public void number(String name, long value) {
                out.add(entry(name, value));
            }
        });
        return out;
    }
}
