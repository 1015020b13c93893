package dev.warren.functions;

import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;

/** The function behind {@code auth_http.topic_path} ({@code /auth/topic}). */
public final class TopicCheck extends EdgeFunction {

    /** The path this function is deployed for; its metrics dimension. */
    public static final AuthPath PATH = AuthPath.TOPIC;

    /** What Lambda calls. */
    public TopicCheck() {
        super(PATH);
    }

    /** Over a given edge, for anyone who calls (tests, {@code warren invoke}). */
    public TopicCheck(HttpEdge edge) {
        super(edge);
    }

    public TopicCheck(ApiGatewayAdapter adapter) {
        super(adapter);
    }
}
