package dev.warren.protocol;

/** Receives every decision once, at the edge. Implementations must never throw. */
@FunctionalInterface
public interface DecisionLog {

    void record(DecisionRecord record);

    DecisionLog NONE = record -> { };
}
