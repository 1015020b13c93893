package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.functions.caller.BasicAuthCallers;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.functions.caller.CallerCredentials;
import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;
import dev.warren.service.AuthService;
import dev.warren.service.InstanceSecrets;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart for one function (org.crac). Before the snapshot, the function answers its own
 * path's {@link PrimingRequests} end to end without network: API Gateway event, HTTP edge, form
 * decoding, policy store and caches (over AWS: the real SDK clients' pipeline on canned responses),
 * a PBKDF2 verification, the decision log line and the EMF metrics document; so the classes are
 * loaded, initialised and partly compiled in the snapshot rather than on the first real request.
 * The requests themselves come as a public caller; the function's own caller check is run once on
 * its own, refusing a caller without credentials, unless it is the Basic check (that would read
 * the shared secret from Secrets Manager).
 * After each restore it makes the function's per-instance secrets new ({@link InstanceSecrets}):
 * every instance restored from one snapshot would otherwise share them.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    /** Builds an offline decision service for the priming user. */
    @FunctionalInterface
    interface OfflineServices {
        PrimingStores.Offline over(PrimingUser user);
    }

    private final AuthPath path;
    private final CallerAuthentication callers;
    private final InstanceSecrets secrets;
    private final OfflineServices offline;
    private final Function<AuthService, HttpEdge> edges;

    /** @param edges the function's edge settings (decision log, answer bodies) over another service */
    SnapStartPriming(AuthPath path, CallerAuthentication callers, InstanceSecrets secrets, OfflineServices offline,
                     Function<AuthService, HttpEdge> edges) {
        this.path = path;
        this.callers = callers;
        this.secrets = secrets;
        this.offline = offline;
        this.edges = edges;
    }

    /** Registers with the global CRaC context; the caller must keep the returned reference. */
    SnapStartPriming register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        List<String> unexpected = prime();
        if (!unexpected.isEmpty()) {
            LOG.warn("SnapStart priming got unexpected answers: {}", unexpected);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        secrets.reseed();
    }

    /**
     * Answers this function's priming requests. The decision lines are logged as any other (user
     * {@value PrimingUser#USERNAME}); the metrics documents are serialised but not emitted, so
     * priming never counts as a decision in CloudWatch metrics.
     *
     * @return a description of each answer that differed from the expected one (empty when all matched)
     */
    List<String> prime() throws Exception {
        if (!(callers instanceof BasicAuthCallers)) {
            callers.check(new CallerCredentials(null, null));
        }
        PrimingUser user = PrimingUser.create();
        List<String> unexpected = new ArrayList<>();
        PrintStream out = System.out;
        try (PrimingStores.Offline service = offline.over(user)) {
            ApiGatewayAdapter adapter = new ApiGatewayAdapter(edges.apply(service.service()),
                    CallerAuthentication.publicAccess());
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true));
            for (PrimingRequests.Request request : PrimingRequests.forPath(path, user)) {
                APIGatewayV2HTTPResponse response = adapter.handle(request.event(),
                        new LocalContext("warren-priming-" + path.label()));
                if (response.getStatusCode() != 200 || !response.getBody().startsWith(request.expectedBody())) {
                    unexpected.add(request.event().getRouteKey() + " -> " + response.getStatusCode() + " "
                            + response.getBody());
                }
            }
        } finally {
            System.setOut(out);
        }
        return unexpected;
    }
}
