package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * An API Gateway HTTP API event (payload 2.0) that also keeps
 * {@code requestContext.authentication.clientCert.subjectDN}: the subject of the client certificate
 * API Gateway verified on the mutual TLS domain. The events library's {@link APIGatewayV2HTTPEvent}
 * has no such field, so both the Lambda runtime and {@link EventJson} would drop it; plain
 * bean-style classes here so that any Jackson (the runtime's shaded one included) fills them.
 */
public class HttpApiEvent extends APIGatewayV2HTTPEvent {

    /** Jackson prefers this overload (declared in the subclass) for {@code requestContext}. */
    public void setRequestContext(Context requestContext) {
        super.setRequestContext(requestContext);
    }

    /** The verified client certificate's subject, or null when the request did not come through mutual TLS. */
    public static String clientCertificateSubject(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() instanceof Context context && context.getAuthentication() != null
                && context.getAuthentication().getClientCert() != null) {
            return context.getAuthentication().getClientCert().getSubjectDN();
        }
        return null;
    }

    /** {@code requestContext} with {@code authentication}. */
    public static class Context extends APIGatewayV2HTTPEvent.RequestContext {
        private Authentication authentication;

        public Authentication getAuthentication() {
            return authentication;
        }

        public void setAuthentication(Authentication authentication) {
            this.authentication = authentication;
        }
    }

    /** {@code requestContext.authentication}. */
    public static class Authentication {
        private ClientCert clientCert;

        public ClientCert getClientCert() {
            return clientCert;
        }

        public void setClientCert(ClientCert clientCert) {
            this.clientCert = clientCert;
        }
    }

    /** {@code requestContext.authentication.clientCert}: only the subject is read. */
    public static class ClientCert {
        private String subjectDN;

        public String getSubjectDN() {
            return subjectDN;
        }

        public void setSubjectDN(String subjectDN) {
            this.subjectDN = subjectDN;
        }
    }
}
