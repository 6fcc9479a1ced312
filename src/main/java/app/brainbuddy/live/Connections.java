package app.brainbuddy.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The open graphql-ws connections of this instance: how many each person holds, and a sweep that
 * closes those idle without a subscription for {@code idle-timeout}, and those whose token has
 * expired once their subscriptions have ended (the subscriptions end at the expiry, with an error
 * that says so). Close codes are in the 4000s of the graphql-ws protocol, with a reason to read.
 */
@Component
public class Connections implements DisposableBean {

    /** A close for a person over their connection limit. */
    public static final int TOO_MANY = 4429;
    /** A close for a missing, refused or expired token. */
    public static final int UNAUTHORIZED = 4401;
    /** A close for a connection idle too long. */
    public static final int IDLE = 4000;

    private final SubscriptionSettings settings;
    private final SubscriptionSlots slots;
    private final Clock clock;
    private final ConcurrentHashMap<String, Open> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perPerson = new ConcurrentHashMap<>();
    private final Disposable sweep;

    Connections(SubscriptionSettings settings, SubscriptionSlots slots, Clock clock) {
        this.settings = settings;
        this.slots = slots;
        this.clock = clock;
        long period = Math.max(100, settings.idleTimeout().toMillis() / 4);
        this.sweep = Schedulers.parallel().schedulePeriodically(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    private static final class Open {
        final WebSocketSession session;
        volatile @Nullable String userId;
        volatile @Nullable Instant expiresAt;
        volatile @Nullable Instant idleSince;

        Open(WebSocketSession session, Instant now) {
            this.session = session;
            this.idleSince = now;
        }
    }

    void opened(WebSocketSession session) {
        session.setTextMessageSizeLimit((int) settings.maxMessageSize().toBytes());
        open.put(session.getId(), new Open(session, clock.instant()));
    }

    void closed(String connectionId) {
        Open closed = open.remove(connectionId);
        if (closed != null && closed.userId != null) {
            perPerson.computeIfPresent(closed.userId, (person, count) -> count == 1 ? null : count - 1);
        }
    }

    /**
     * Counts the connection as the person's until it closes; false (and the connection closed with
     * {@link #TOO_MANY}) when they hold as many as they may.
     */
    public boolean signedIn(String connectionId, String userId, @Nullable Instant expiresAt) {
        Open connection = open.get(connectionId);
        if (connection == null) {
            return false;
        }
        int held = perPerson.merge(userId, 1, Integer::sum);
        if (held > settings.connectionsPerPerson()) {
            perPerson.computeIfPresent(userId, (person, count) -> count == 1 ? null : count - 1);
            close(
                    connectionId,
                    TOO_MANY,
                    "%d connections open, the most one person may (brainbuddy.subscriptions.connections-per-person)"
                            .formatted(held - 1));
            return false;
        }
        connection.userId = userId;
        connection.expiresAt = expiresAt;
        return true;
    }

    /** Closes the connection with a code and a reason (at most 123 bytes, as WebSocket allows). */
    public void close(String connectionId, int code, String reason) {
        Open connection = open.get(connectionId);
        if (connection != null) {
            try {
                connection.session.close(new CloseStatus(code, reason));
            } catch (IOException alreadyGone) {
                closed(connectionId);
            }
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        Duration idleTimeout = settings.idleTimeout();
        open.forEach((id, connection) -> {
            if (slots.runningOn(id) > 0) {
                connection.idleSince = null;
                return;
            }
            Instant expiresAt = connection.expiresAt;
            if (expiresAt != null && !now.isBefore(expiresAt)) {
                close(id, UNAUTHORIZED, "The token expired; connect again with a fresh one");
                return;
            }
            Instant idleSince = connection.idleSince;
            if (idleSince == null) {
                connection.idleSince = now;
            } else if (!now.isBefore(idleSince.plus(idleTimeout))) {
                close(
                        id,
                        IDLE,
                        "Idle for %s s without a subscription (brainbuddy.subscriptions.idle-timeout)"
                                .formatted(idleTimeout.toSeconds()));
            }
        });
    }

    @Override
    public void destroy() {
        sweep.dispose();
    }
}
