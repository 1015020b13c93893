package dev.warren.service;

import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Decision;
import java.util.Objects;

/** A decision together with how the user's policy behind it was obtained (for the log and metrics). */
public record Answer(Decision decision, CacheOutcome cache) {

    public Answer {
        Objects.requireNonNull(decision);
        Objects.requireNonNull(cache);
    }
}
