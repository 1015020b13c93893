package dev.warren.functions;

import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;

/** The function behind {@code auth_http.user_path} ({@code /auth/user}). */
public final class UserCheck extends EdgeFunction {

    /** The path this function is deployed for; its metrics dimension. */
    public static final AuthPath PATH = AuthPath.USER;

    /** What Lambda calls. */
    public UserCheck() {
        super(PATH);
    }

    /** Over a given edge, for anyone who calls (tests, {@code warren invoke}). */
    public UserCheck(HttpEdge edge) {
        super(edge);
    }

    public UserCheck(ApiGatewayAdapter adapter) {
        super(adapter);
    }
}
