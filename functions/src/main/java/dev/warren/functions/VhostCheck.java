package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;

/**
 * The function behind {@code auth_http.vhost_path} ({@code /auth/vhost}). Dependencies are built once, in the
 * constructor, so SnapStart snapshots them; a request for another path still goes through the
 * shared edge rules (404 for unknown paths).
 */
public final class VhostCheck implements RequestHandler<HttpApiEvent, APIGatewayV2HTTPResponse> {

    /** The path this function is deployed for; its metrics dimension. */
    public static final AuthPath PATH = AuthPath.VHOST;

    private final ApiGatewayAdapter adapter;

    /** What Lambda calls: configuration from the environment, validated now rather than on the first request. */
    public VhostCheck() {
        this(FunctionEnvironment.fromSystem().adapter(PATH));
    }

    /** Over a given edge, for anyone who calls (tests, {@code warren invoke}). */
    public VhostCheck(HttpEdge edge) {
        this(new ApiGatewayAdapter(edge, CallerAuthentication.publicAccess()));
    }

    public VhostCheck(ApiGatewayAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(HttpApiEvent event, Context context) {
        return adapter.handle(event, context);
    }
}
