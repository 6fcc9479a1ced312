package app.brainbuddy.limit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.OperationGate;
import app.brainbuddy.graphql.PersonLimits;
import app.brainbuddy.user.Caller;
import app.brainbuddy.user.CurrentUser;
import graphql.execution.ExecutionContext;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Per person, a bulkhead of {@code in-flight} operations running at once in this instance (a replica counts its
 * own: the bulkhead protects the instance's threads, which are not shared). A person over it is refused with a
 * FORBIDDEN that says when to retry; nobody else waits for them. The first gate: a person's requests waiting for a
 * heavy lane hold their places too. A place is taken once the document is parsed, validated and within its limits
 * (work bounded by the document limits, linear in the document's length), and given back when the execution ends.
 */
@Component
@Order(1)
class PersonRequests implements OperationGate {

    private final PersonLimits limits;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    PersonRequests(PersonLimits limits) {
        this.limits = limits;
    }

    @Override
    public Held admit(ExecutionContext execution, long estimatedCost) {
        Caller caller = CurrentUser.signedIn();
        if (caller == null) {
            return Held.NOTHING;
        }
        String userId = caller.user().id();
        int running = inFlight.merge(userId, 1, Integer::sum);
        Held place = () -> inFlight.computeIfPresent(userId, (user, count) -> count == 1 ? null : count - 1);
        if (running > limits.inFlight()) {
            place.giveBack();
            throw ApiException.forbidden(
                            "You have %d requests running, the most one person may (brainbuddy.person.in-flight); try again in 1 second"
                                    .formatted(running - 1))
                    .retryAfter(1)
                    .abort();
        }
        return place;
    }
}
