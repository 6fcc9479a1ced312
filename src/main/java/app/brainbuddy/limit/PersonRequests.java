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
 * Per person, on each request: a bulkhead of {@code in-flight} requests running at once in this
 * instance (a replica counts its own: the bulkhead protects the instance's threads, which are not
 * shared), and the rate of expensive requests (estimated at {@code expensive-cost} or more),
 * counted in MongoDB across instances. A person over either limit is refused with a FORBIDDEN that
 * says when to retry; nobody else waits for them. The first gate: a person's requests waiting for a
 * heavy lane hold their places too.
 */
@Component
@Order(1)
class PersonRequests implements OperationGate {

    private final PersonLimits limits;
    private final PersonQuotas quotas;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    PersonRequests(PersonLimits limits, PersonQuotas quotas) {
        this.limits = limits;
        this.quotas = quotas;
    }

    @Override
    public Held admit(ExecutionContext execution, long estimatedCost) {
        Caller caller = CurrentUser.signedIn();
        if (caller == null) {
            return Held.NOTHING;
        }
        String userId = caller.user().id();
        Held place = take(userId);
        if (estimatedCost >= limits.expensiveCost()) {
            try {
                quotas.expensiveRequest(userId);
            } catch (ApiException refused) {
                place.giveBack();
                throw refused.abort();
            }
        }
        return place;
    }

    private Held take(String userId) {
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
