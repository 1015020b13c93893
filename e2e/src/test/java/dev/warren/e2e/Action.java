package dev.warren.e2e;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import java.nio.charset.StandardCharsets;

/** One AMQP operation made on a fresh channel after the connection opened. Every one is synchronous. */
sealed interface Action {
    void run(Channel ch) throws Exception;

    String describe();

    /** Just open the connection (login + vhost access). */
    record Connect() implements Action {
        public void run(Channel ch) {}

        public String describe() {
            return "connect";
        }
    }

    /** queue.declare: configure on the queue. Exclusive, so it goes away with the connection. */
    record DeclareQueue(String queue) implements Action {
        public void run(Channel ch) throws Exception {
            ch.queueDeclare(queue, false, true, true, null);
        }

        public String describe() {
            return "declare queue '" + queue + "'";
        }
    }

    /** exchange.declare: configure on the exchange. */
    record DeclareExchange(String exchange, String type) implements Action {
        public void run(Channel ch) throws Exception {
            ch.exchangeDeclare(exchange, type, false, true, null);
        }

        public String describe() {
            return "declare " + type + " exchange '" + exchange + "'";
        }
    }

    /**
     * basic.publish with publisher confirms: write on the exchange (the default exchange is
     * checked as amq.default), plus the topic check on topic exchanges.
     */
    record Publish(String exchange, String routingKey) implements Action {
        public void run(Channel ch) throws Exception {
            ch.confirmSelect();
            ch.basicPublish(exchange, routingKey, null, "e2e".getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(10_000);
        }

        public String describe() {
            return "publish to '" + exchange + "' key '" + routingKey + "'";
        }
    }

    /** queue.bind: write on the queue, read on the exchange, topic read on topic exchanges. */
    record Bind(String queue, String exchange, String routingKey) implements Action {
        public void run(Channel ch) throws Exception {
            ch.queueBind(queue, exchange, routingKey);
        }

        public String describe() {
            return "bind '" + queue + "' to '" + exchange + "' key '" + routingKey + "'";
        }
    }

    /** basic.consume: read on the queue. */
    record Consume(String queue) implements Action {
        public void run(Channel ch) throws Exception {
            String tag = ch.basicConsume(queue, true, new DefaultConsumer(ch));
            ch.basicCancel(tag);
        }

        public String describe() {
            return "consume '" + queue + "'";
        }
    }

    /** basic.get: read on the queue. */
    record Get(String queue) implements Action {
        public void run(Channel ch) throws Exception {
            ch.basicGet(queue, true);
        }

        public String describe() {
            return "basic.get '" + queue + "'";
        }
    }
}
