package dev.warren.cli;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.DefinitionsException;
import dev.warren.functions.EventJson;
import dev.warren.functions.HttpApiEvent;
import dev.warren.functions.LocalContext;
import dev.warren.functions.ResourceCheck;
import dev.warren.functions.TopicCheck;
import dev.warren.functions.UserCheck;
import dev.warren.functions.VhostCheck;
import dev.warren.protocol.AnswerBody;
import dev.warren.protocol.HttpEdge;
import dev.warren.protocol.JsonLineDecisionLog;
import dev.warren.service.AuthService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code warren invoke}: {@code sam local invoke} without Docker. Runs the real handler class
 * in-process on an API Gateway event file and prints its response as JSON; the decision log line
 * goes to stderr.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run a Lambda handler in-process on an API Gateway HTTP API event (payload 2.0) "
                + "and print the APIGatewayV2HTTPResponse as JSON.")
public final class InvokeCommand implements Callable<Integer> {

    /** The four functions, by the name of their path. */
    enum Handler {
        user(UserCheck::new), vhost(VhostCheck::new), resource(ResourceCheck::new), topic(TopicCheck::new);

        final Function<HttpEdge, RequestHandler<HttpApiEvent, APIGatewayV2HTTPResponse>> create;

        Handler(Function<HttpEdge, RequestHandler<HttpApiEvent, APIGatewayV2HTTPResponse>> create) {
            this.create = create;
        }
    }

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "user, vhost, resource or topic.")
    Handler handler;

    @Parameters(index = "1", paramLabel = "EVENT.json", description = "API Gateway event, e.g. events/user-allow-post.json.")
    Path event;

    @Mixin
    StoreOptions stores;

    @Override
    public Integer call() {
        HttpApiEvent request;
        try {
            request = EventJson.readEvent(event);
        } catch (IOException e) {
            System.err.println("warren invoke: cannot read " + event + ": " + e.getMessage());
            return 2;
        }
        AuthService service;
        WarrenConfig config;
        try {
            config = stores.config();
            service = stores.authService(config);
        } catch (DefinitionsException | RuntimeException e) {
            System.err.println("warren invoke: " + ErrorLine.of(e));
            return 2;
        }
        HttpEdge edge = new HttpEdge(service, new JsonLineDecisionLog(System.err), AnswerBody.of(config.denyReasons()));
        APIGatewayV2HTTPResponse response = handler.create.apply(edge)
                .handleRequest(request, new LocalContext("warren-" + handler.name()));
        System.out.println(EventJson.write(response));
        return 0;
    }
}
