package dev.warren.e2e;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;

/** Runs one (user, password, vhost, action) against a node and classifies what the client saw. */
final class AmqpProbe {
    private AmqpProbe() {}

    record Result(Outcome outcome, String detail) {
        @Override
        public String toString() {
            return detail.isEmpty() ? outcome.name() : outcome + " (" + detail + ")";
        }
    }

    /** A client for one private node on loopback: no recovery, bounded timeouts. */
    static ConnectionFactory connectionFactory(int port, String user, String password, String vhost) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setUsername(user);
        f.setPassword(password);
        f.setVirtualHost(vhost);
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        f.setConnectionTimeout(10_000);
        f.setHandshakeTimeout(20_000);
        f.setShutdownTimeout(2_000);
        f.setChannelRpcTimeout(20_000);
        return f;
    }

    static Result run(int port, String user, String password, String vhost, Action action) {
        ConnectionFactory f = connectionFactory(port, user, password, vhost);
        Connection conn;
        try {
            conn = f.newConnection("warren-e2e");
        } catch (AuthenticationFailureException e) {
            return new Result(Outcome.ACCESS_REFUSED, "");
        } catch (Exception e) {
            return classifyOpen(e);
        }
        try (conn) {
            Channel ch = conn.createChannel();
            try {
                action.run(ch);
            } catch (Exception e) {
                return classifyAction(e);
            }
            if (ch.isOpen()) {
                ch.close();
            }
            return new Result(Outcome.OK, "");
        } catch (Exception e) {
            return classifyAction(e);
        }
    }

    private static Result classifyOpen(Throwable e) {
        ShutdownSignalException sse = find(e);
        if (sse != null && sse.getReason() instanceof AMQP.Connection.Close close) {
            return switch (close.getReplyCode()) {
                case AMQP.NOT_ALLOWED -> new Result(Outcome.NOT_ALLOWED, "");
                case AMQP.ACCESS_REFUSED -> new Result(Outcome.ACCESS_REFUSED, "");
                default -> new Result(Outcome.ERROR, "at open: " + close.getReplyCode() + " " + close.getReplyText());
            };
        }
        return new Result(Outcome.ERROR, "at open: " + e);
    }

    static Result classifyAction(Throwable e) {
        ShutdownSignalException sse = find(e);
        if (sse != null) {
            Method reason = sse.getReason();
            if (reason instanceof AMQP.Channel.Close close) {
                return switch (close.getReplyCode()) {
                    case AMQP.ACCESS_REFUSED -> new Result(Outcome.CHANNEL_403, "");
                    case AMQP.NOT_FOUND -> new Result(Outcome.CHANNEL_404, close.getReplyText());
                    default -> new Result(Outcome.ERROR, "channel " + close.getReplyCode() + " " + close.getReplyText());
                };
            }
            if (reason instanceof AMQP.Connection.Close close) {
                return new Result(Outcome.ERROR, "connection " + close.getReplyCode() + " " + close.getReplyText());
            }
        }
        return new Result(Outcome.ERROR, e.toString());
    }

    private static ShutdownSignalException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
