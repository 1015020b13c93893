package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;
import org.crac.Resource;

/**
 * What the four handlers share. The no-argument path (what Lambda calls) reads and validates the
 * configuration and builds the SDK clients once, in the constructor, so SnapStart snapshots them,
 * and registers the function's {@link SnapStartPriming}. A request for another path still goes
 * through the shared edge rules (404 for unknown paths).
 */
public abstract class EdgeFunction implements RequestHandler<HttpApiEvent, APIGatewayV2HTTPResponse> {

    private final ApiGatewayAdapter adapter;
    /** Held here because org.crac keeps registered resources only weakly; null when built from an adapter. */
    private final SnapStartPriming priming;

    /** Configuration from the environment, validated now rather than on the first request. */
    protected EdgeFunction(AuthPath path) {
        FunctionEnvironment.Parts function = FunctionEnvironment.fromSystem().function(path);
        this.adapter = function.adapter();
        this.priming = function.priming().register();
    }

    /** Over a given edge, for anyone who calls (tests, {@code warren invoke}): no priming. */
    protected EdgeFunction(HttpEdge edge) {
        this(new ApiGatewayAdapter(edge, CallerAuthentication.publicAccess()));
    }

    /** Over a given adapter: no priming. */
    protected EdgeFunction(ApiGatewayAdapter adapter) {
        this.adapter = adapter;
        this.priming = null;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(HttpApiEvent event, Context context) {
        return adapter.handle(event, context);
    }

    /**
     * This function's SnapStart resource, registered with org.crac; null when the function was built
     * from an edge or adapter. Public so that tests and benchmarks can run its hooks on JVMs without
     * CRaC, where org.crac neither keeps registrations nor lets the global context be called.
     */
    public final Resource snapStartResource() {
        return priming;
    }
}
