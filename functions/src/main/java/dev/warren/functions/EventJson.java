package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads API Gateway HTTP API events (payload 2.0, as in {@code events/}) and writes responses,
 * with the JSON names Lambda uses ({@code isBase64Encoded}, {@code statusCode}...).
 */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    public static HttpApiEvent readEvent(Path file) throws IOException {
        return JSON.readValue(file.toFile(), HttpApiEvent.class);
    }

    public static HttpApiEvent parseEvent(String json) throws IOException {
        return JSON.readValue(json, HttpApiEvent.class);
    }

    public static String write(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
