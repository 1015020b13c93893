package dev.warren.cli.amqp;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;

/**
 * Where the responder connects: {@code amqp://USER@HOST[:PORT][/VHOST]} or {@code amqps://...}
 * (RabbitMQ's URI spec: no path is the vhost {@code /}, {@code %2F} is a slash in the vhost). A
 * password in the URI is rejected: it would show in the process list.
 */
record BrokerAddress(boolean tls, String host, int port, String username, String vhost) {

    static BrokerAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--uri is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"amqp".equals(scheme) && !"amqps".equals(scheme)) {
            throw new IllegalArgumentException("--uri must start with amqp:// or amqps://");
        }
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            throw new IllegalArgumentException("--uri must name the user: amqp://USER@HOST:PORT/VHOST");
        }
        if (uri.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("--uri must not contain a password (set WARREN_AMQP_PASSWORD)");
        }
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("--uri must be amqp://USER@HOST:PORT/VHOST (no query, no fragment)");
        }
        boolean tls = scheme.equals("amqps");
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 5671 : 5672;
        String path = uri.getRawPath();
        String vhost;
        if (path == null || path.isEmpty()) {
            vhost = "/";
        } else if (path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("--uri: write a '/' inside the vhost as %2F");
        } else {
            vhost = uri.getPath().substring(1);
        }
        return new BrokerAddress(tls, uri.getHost(), port, userInfo, vhost);
    }

    /** A factory without the client's own recovery: the responder reconnects itself. */
    ConnectionFactory connectionFactory(char[] password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(new String(password));
        factory.setVirtualHost(vhost);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setRequestedHeartbeat(10);
        factory.setConnectionTimeout(10_000);
        factory.setHandshakeTimeout(10_000);
        factory.setShutdownTimeout(2_000);
        factory.setChannelRpcTimeout(10_000);
        if (tls) {
            try {
                factory.useSslProtocol(SSLContext.getDefault());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context", e);
            }
            factory.enableHostnameVerification();
        }
        return factory;
    }

    /** The URI without a password, for logs. */
    String describe() {
        return (tls ? "amqps://" : "amqp://") + LogText.truncate(username) + "@" + host + ":" + port + "/"
                + java.net.URLEncoder.encode(vhost, java.nio.charset.StandardCharsets.UTF_8);
    }
}
