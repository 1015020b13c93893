package dev.warren.cli.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.warren.protocol.DecisionLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Consumes the plugin's questions from the shared queue and replies to each {@code reply_to} with
 * its {@code correlation_id}. A question without {@code reply_to} cannot be answered and is
 * dropped. A redelivered question is dropped too: another responder may have answered it before it
 * stopped, and the plugin reuses correlation ids, so a second answer could be taken as the answer to
 * a later question. Every question is acknowledged once its work has ended.
 */
final class Responder extends DefaultConsumer {

    private final QuestionDispatcher dispatcher;
    private final DecisionLog log;
    private final ResponderEvents events;
    private final Object channelLock = new Object();

    Responder(Channel channel, QuestionDispatcher dispatcher, DecisionLog log, ResponderEvents events) {
        super(channel);
        this.dispatcher = dispatcher;
        this.log = log;
        this.events = events;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        long started = System.nanoTime();
        long deliveryTag = envelope.getDeliveryTag();
        Question question = QuestionParser.parse(properties.getHeaders(), body);
        String replyTo = properties.getReplyTo();
        if (replyTo == null || replyTo.isEmpty()) {
            events.dropped(question, "no reply_to");
            ack(deliveryTag);
            return;
        }
        if (envelope.isRedeliver()) {
            events.dropped(question, "redelivered: it may have been answered already");
            ack(deliveryTag);
            return;
        }
        String correlationId = properties.getCorrelationId();
        dispatcher.dispatch(question, started, reply -> send(replyTo, correlationId, reply), () -> ack(deliveryTag));
    }

    private void send(String replyTo, String correlationId, Reply reply) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().correlationId(correlationId).build();
        try {
            synchronized (channelLock) {
                getChannel().basicPublish("", replyTo, properties, reply.body().getBytes(StandardCharsets.UTF_8));
            }
            log.record(reply.record());
        } catch (IOException | RuntimeException e) {
            events.failed("reply not sent", e.toString());
        }
    }

    private void ack(long deliveryTag) {
        try {
            synchronized (channelLock) {
                if (getChannel().isOpen()) {
                    getChannel().basicAck(deliveryTag, false);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the channel closed in between: the broker requeues the question, and it is dropped as redelivered
            events.failed("ack not sent", e.toString());
        }
    }
}
