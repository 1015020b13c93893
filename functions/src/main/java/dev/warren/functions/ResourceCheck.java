package dev.warren.functions;

import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;

/** The function behind {@code auth_http.resource_path} ({@code /auth/resource}). */
public final class ResourceCheck extends EdgeFunction {

    /** The path this function is deployed for; its metrics dimension. */
    public static final AuthPath PATH = AuthPath.RESOURCE;

    /** What Lambda calls. */
    public ResourceCheck() {
        super(PATH);
    }

    /** Over a given edge, for anyone who calls (tests, {@code warren invoke}). */
    public ResourceCheck(HttpEdge edge) {
        super(edge);
    }

    public ResourceCheck(ApiGatewayAdapter adapter) {
        super(adapter);
    }
}
