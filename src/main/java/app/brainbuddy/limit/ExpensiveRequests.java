package app.brainbuddy.limit;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.OperationGate;
import app.brainbuddy.graphql.PersonLimits;
import app.brainbuddy.user.Caller;
import app.brainbuddy.user.CurrentUser;
import graphql.execution.ExecutionContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Per person, the rate of expensive requests (estimated at {@code expensive-cost} or more), counted in MongoDB
 * across instances; a person over it is refused with a FORBIDDEN that says when to retry. The last gate, so that a
 * request another gate refuses has not used up one of them.
 */
@Component
@Order(3)
class ExpensiveRequests implements OperationGate {

    private final PersonLimits limits;
    private final PersonQuotas quotas;

    ExpensiveRequests(PersonLimits limits, PersonQuotas quotas) {
        this.limits = limits;
        this.quotas = quotas;
    }

    @Override
    public Held admit(ExecutionContext execution, long estimatedCost) {
        Caller caller = CurrentUser.signedIn();
        if (caller != null && estimatedCost >= limits.expensiveCost()) {
            try {
                quotas.expensiveRequest(caller.user().id());
            } catch (ApiException refused) {
                throw refused.abort();
            }
        }
        return Held.NOTHING;
    }
}
