package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.file.Path;
import org.crac.Resource;

/**
 * Run in its own JVM by {@link PrimingIT}: builds a handler as Lambda does (no-argument
 * constructor, configuration from the environment), optionally runs its CRaC resource's hooks as a
 * SnapStart snapshot and restore would, then answers one event between two marker lines, so that the
 * classes the first real request loads can be told apart in {@code -Xlog:class+load}.
 *
 * <p>Arguments: handler class name, event file, {@code primed} or {@code cold}.
 */
public final class FirstRequestProbe {

    static final String BEFORE = "=== first request";
    static final String AFTER = "=== answered";

    private FirstRequestProbe() {
    }

    public static void main(String[] args) throws Exception {
        HttpApiEvent event = EventJson.readEvent(Path.of(args[1]));
        EdgeFunction handler = (EdgeFunction) Class.forName(args[0]).getConstructor().newInstance();
        if (args[2].equals("primed")) {
            Resource priming = handler.snapStartResource();
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }
        LocalContext context = new LocalContext("probe");
        System.out.println(BEFORE);
        System.out.flush();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        System.out.flush();
        System.out.println(AFTER + " " + response.getStatusCode() + " " + response.getBody());
        System.out.flush();
    }
}
