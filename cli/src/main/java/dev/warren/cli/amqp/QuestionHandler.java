package dev.warren.cli.amqp;

import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.service.Answer;
import dev.warren.service.AuthService;
import java.util.Optional;

/**
 * Answers one question with the decision code the HTTP edge uses. Never throws: a malformed
 * question, a store error or a failure of warren's own code is a refusal with its cause.
 */
final class QuestionHandler {

    private final AuthService service;

    QuestionHandler(AuthService service) {
        this.service = service;
    }

    Reply answer(Question question, long startedNanos) {
        try {
            return switch (question) {
                case Question.Valid valid -> decide(valid.request(), startedNanos);
                case Question.Malformed bad -> refuse(bad.path(), bad.username(),
                        Decision.deny(Cause.MALFORMED_REQUEST, "malformed question: " + bad.reason()), startedNanos);
            };
        } catch (RuntimeException | StackOverflowError e) {
            return refuse(question.path(), Optional.empty(),
                    Decision.error(Cause.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName()), startedNanos);
        }
    }

    /** The refusal sent when a question got no decision: too late ({@link Cause#DEADLINE_EXCEEDED}) or no room. */
    Reply unanswered(Question question, Cause cause, String reason, long startedNanos) {
        Optional<String> username = switch (question) {
            case Question.Valid valid -> Optional.of(valid.request().username());
            case Question.Malformed bad -> bad.username();
        };
        return refuse(question.path(), username, Decision.error(cause, reason), startedNanos);
    }

    private Reply decide(AuthRequest request, long startedNanos) {
        Answer answer = service.answer(request);
        Decision decision = answer.decision();
        String body = ReplyBody.of(request.path(), decision.allowed(), decision.tags());
        return new Reply(body, DecisionRecords.of(request.path(), request, request.username(), decision,
                answer.cache(), startedNanos));
    }

    private static Reply refuse(Optional<AuthPath> path, Optional<String> username, Decision refusal,
                                long startedNanos) {
        return new Reply(ReplyBody.refusal(path), DecisionRecords.of(path.orElse(null), null, username.orElse(null),
                refusal, CacheOutcome.NONE, startedNanos));
    }
}
