package dev.warren.functions;

import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;

/** The function behind {@code auth_http.vhost_path} ({@code /auth/vhost}). */
public final class VhostCheck extends EdgeFunction {

    /** The path this function is deployed for; its metrics dimension. */
    public static final AuthPath PATH = AuthPath.VHOST;

    /** What Lambda calls. */
    public VhostCheck() {
        super(PATH);
    }

    /** Over a given edge, for anyone who calls (tests, {@code warren invoke}). */
    public VhostCheck(HttpEdge edge) {
        super(edge);
    }

    public VhostCheck(ApiGatewayAdapter adapter) {
        super(adapter);
    }
}
