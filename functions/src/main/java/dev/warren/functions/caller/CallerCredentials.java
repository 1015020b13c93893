package dev.warren.functions.caller;

/**
 * What a request carries that could identify its caller: the {@code Authorization} header and the
 * subject of the client certificate API Gateway verified (mutual TLS), each null when absent.
 * Never logged.
 */
public record CallerCredentials(String authorization, String clientCertificateSubject) {

    public static final CallerCredentials NONE = new CallerCredentials(null, null);

    @Override
    public String toString() {
        return "CallerCredentials[authorization=" + (authorization == null ? "absent" : "present")
                + ", clientCertificateSubject=" + (clientCertificateSubject == null ? "absent" : "present") + "]";
    }
}
