package dev.warren.cli.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.protocol.DecisionLog;
import java.io.IOException;
import java.util.Map;

/**
 * One connection's worth of responding: declares the plugin's exchange exactly as the plugin does
 * (fanout, not durable, not auto-delete, no arguments, so either may start first), the shared
 * queue bound to it, and consumes with a bounded prefetch and manual acknowledgements. The queue is
 * auto-delete: when the last responder goes, the plugin's mandatory publish comes back at once
 * instead of waiting for its timeout. Its message TTL drops questions that waited too long.
 */
final class ResponderSession {

    private final Channel channel;
    private final String consumerTag;

    private ResponderSession(Channel channel, String consumerTag) {
        this.channel = channel;
        this.consumerTag = consumerTag;
    }

    static ResponderSession open(Connection connection, ResponderSettings settings, QuestionDispatcher dispatcher,
                                 DecisionLog log, ResponderEvents events) throws IOException {
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(settings.exchange(), BuiltinExchangeType.FANOUT, false, false, false, null);
        channel.queueDeclare(settings.queue(), false, false, true, queueArguments(settings));
        channel.queueBind(settings.queue(), settings.exchange(), "");
        channel.basicQos(settings.prefetch());
        String tag = channel.basicConsume(settings.queue(), false, new Responder(channel, dispatcher, log, events));
        return new ResponderSession(channel, tag);
    }

    /** Every responder on a queue must declare it with the same arguments. */
    static Map<String, Object> queueArguments(ResponderSettings settings) {
        return Map.of("x-message-ttl", (int) settings.questionTtl().toMillis());
    }

    /** Stops new deliveries; questions already delivered are still answered and acknowledged. */
    void cancel() {
        try {
            if (channel.isOpen()) {
                channel.basicCancel(consumerTag);
            }
        } catch (IOException | RuntimeException e) {
            // the channel is going away anyway
        }
    }
}
