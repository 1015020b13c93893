package dev.warren.cli.amqp;

import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest;
import java.util.Optional;

/**
 * One question from the broker's AMQP auth plugin as read from a message: either a typed request
 * on one of the four paths, or the reason it cannot be answered on its merits.
 */
sealed interface Question {

    /** The path the answer is written for; empty when the action is missing or unknown. */
    Optional<AuthPath> path();

    /** A question the decision code can answer. */
    record Valid(AuthRequest request) implements Question {
        @Override
        public Optional<AuthPath> path() {
            return Optional.of(request.path());
        }
    }

    /** A question that is refused without asking the store (reason for the log, never a password). */
    record Malformed(Optional<AuthPath> path, String reason, Optional<String> username) implements Question {
    }
}
