package dev.warren.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The two calls of RabbitMQ's management HTTP API that {@code warren revoke} needs: list one user's
 * connections ({@code GET /api/connections/username/NAME}) and close one
 * ({@code DELETE /api/connections/NAME} with an {@code X-Reason}). The management user needs the
 * {@code administrator} tag to see and close other users' connections.
 */
final class ManagementApi {

    /** A client connection as the management API lists it. */
    record BrokerConnection(String name, String vhost, String peer) {
    }

    /** The management API could not be reached or refused the call. */
    static final class ManagementException extends RuntimeException {
        ManagementException(String message) {
            super(message);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String base;
    private final String authorization;
    private final HttpClient http;

    ManagementApi(URI base, String user, char[] password) {
        String scheme = base.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || base.getHost() == null || base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--management-url must be http(s)://HOST:PORT[/PATH] without credentials,"
                    + " got '" + base + "'");
        }
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        String pair = user + ":" + new String(password);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The user's open connections on every node of the cluster. */
    List<BrokerConnection> connectionsOf(String username) {
        HttpResponse<String> response = send(request("/api/connections/username/" + segment(username)).GET(),
                "list the connections of user '" + username + "'");
        List<BrokerConnection> connections = new ArrayList<>();
        JsonNode list;
        try {
            list = Output.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ManagementException("the management API answered the connection list with something other than JSON");
        }
        for (JsonNode c : list) {
            String peer = c.hasNonNull("peer_host") ? c.path("peer_host").asText() + ":" + c.path("peer_port").asText() : "";
            connections.add(new BrokerConnection(c.path("name").asText(), c.path("vhost").asText(), peer));
        }
        return connections;
    }

    /** Closes one connection; false when it was already gone. */
    boolean close(BrokerConnection connection, String reason) {
        HttpRequest.Builder delete = request("/api/connections/" + segment(connection.name()))
                .header("X-Reason", reason).DELETE();
        HttpResponse<String> response = send(delete, "close connection '" + connection.name() + "'", 404);
        return response.statusCode() != 404;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what, int... alsoFine) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ManagementException("cannot " + what + ": " + base + " did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagementException("interrupted while trying to " + what);
        }
        int status = response.statusCode();
        for (int fine : alsoFine) {
            if (status == fine) {
                return response;
            }
        }
        if (status == 401 || status == 403) {
            throw new ManagementException("cannot " + what + ": the management API refused the credentials (HTTP " + status
                    + "; the management user needs the administrator tag)");
        }
        if (status / 100 != 2) {
            throw new ManagementException("cannot " + what + ": the management API answered HTTP " + status);
        }
        return response;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
