package dev.warren.functions.caller;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CallerAuthentication=mtls}: API Gateway's custom domain has already refused any client
 * without a certificate that chains to the truststore; here the request must carry that
 * certificate's subject ({@code requestContext.authentication.clientCert.subjectDN}), and when an
 * allow-list is set the subject must be one of its entries, compared exactly as API Gateway
 * reports it. Every entry is compared on every request (no early exit).
 */
public final class MutualTlsCallers implements CallerAuthentication {

    /** Separator of the allow-list entries in {@code WARREN_CLIENT_CERT_SUBJECTS}. */
    public static final String SEPARATOR = "|";

    private final List<byte[]> allowed;

    private MutualTlsCallers(List<byte[]> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Any certificate API Gateway accepted. */
    public static MutualTlsCallers anyTrustedCertificate() {
        return new MutualTlsCallers(List.of());
    }

    /**
     * Only these subjects ({@code CN=broker,O=Example|CN=broker-2,O=Example}); an empty list is
     * {@link #anyTrustedCertificate()}.
     *
     * @throws IllegalArgumentException for an empty entry ({@code ||}, a leading or trailing {@code |})
     */
    public static MutualTlsCallers subjects(String allowList) {
        if (allowList == null || allowList.isEmpty()) {
            return anyTrustedCertificate();
        }
        List<byte[]> digests = new ArrayList<>();
        for (String subject : allowList.split("\\|", -1)) {
            if (subject.isBlank()) {
                throw new IllegalArgumentException("empty subject in the client certificate allow-list");
            }
            digests.add(Digests.sha256(subject));
        }
        return new MutualTlsCallers(digests);
    }

    /** How many subjects the allow-list holds (0: any trusted certificate). */
    public int allowListSize() {
        return allowed.size();
    }

    @Override
    public CallerVerdict check(CallerCredentials presented) {
        String subject = presented.clientCertificateSubject();
        if (subject == null || subject.isEmpty()) {
            return CallerVerdict.NO_CLIENT_CERTIFICATE;
        }
        if (allowed.isEmpty()) {
            return CallerVerdict.PASSED;
        }
        byte[] digest = Digests.sha256(subject);
        boolean match = false;
        for (byte[] entry : allowed) {
            match |= MessageDigest.isEqual(entry, digest);
        }
        return match ? CallerVerdict.PASSED : CallerVerdict.SUBJECT_NOT_ALLOWED;
    }

    @Override
    public String mode() {
        return "mtls";
    }
}
