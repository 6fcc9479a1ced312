package app.brainbuddy.auth;

import static app.brainbuddy.GraphQlIntegrationTest.revokeIntegration;
import static app.brainbuddy.TwoReplicas.client;
import static app.brainbuddy.TwoReplicas.register;
import static app.brainbuddy.TwoReplicas.statusWithToken;
import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.TwoReplicas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;

/**
 * Each instance keeps the accounts it read (CallerAccountStore) and the tokens it verified
 * (VerifiedTokens); a change made through the other replica must show on the very next request all
 * the same. Every case first uses the account on the first replica, so that it is kept there.
 */
class ReplicaAccountsTests {

    // a fresh server's first requests (a sign-up hashes a password) can pass the 10 s request
    // limit on a shared, busy machine; what is tested here is not time
    @RegisterExtension
    static final TwoReplicas.PerClass replicas = TwoReplicas.perClass(Map.of("brainbuddy.graphql.timeout", "60s"));

    @Test
    void anAccountDeletedOnOneReplicaIsRefusedOnTheOtherAtTheNextRequest() {
        String token = keptOnFirst("deleted");

        client(replicas.second(), token)
                .document("mutation { deleteAccount { deleted } }")
                .execute()
                .path("deleteAccount.deleted")
                .hasValue();

        assertThat(statusWithToken(replicas.first(), token)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anIntegrationRevokedOnOneReplicaIsRefusedOnTheOtherAtTheNextRequest() {
        String token = keptOnFirst("revoked");
        GraphQlTester.Response created = client(replicas.first(), token)
                .documentName("createIntegrationToken")
                .variable("input", Map.of("name", "Sleep tracker", "scopes", List.of("PROFILE_READ")))
                .execute();
        String integration = created.path("createIntegrationToken.token")
                .entity(String.class)
                .get();
        String grant = created.path("createIntegrationToken.integration.id")
                .entity(String.class)
                .get();
        assertThat(statusWithToken(replicas.first(), integration)).isEqualTo(HttpStatus.OK);

        revokeIntegration(client(replicas.second(), token), grant);

        assertThat(statusWithToken(replicas.first(), integration)).isEqualTo(HttpStatus.UNAUTHORIZED);
        me(replicas.first(), token).path("me.chronotype").entity(String.class).isEqualTo("BEAR");
    }

    @Test
    void aProfileChangedOnOneReplicaShowsOnTheOtherAtTheNextRequest() {
        String token = keptOnFirst("changed");

        client(replicas.second(), token)
                .document("mutation { updateProfile(input: {chronotype: WOLF}) { chronotype } }")
                .execute()
                .path("updateProfile.chronotype")
                .entity(String.class)
                .isEqualTo("WOLF");

        me(replicas.first(), token).path("me.chronotype").entity(String.class).isEqualTo("WOLF");
    }

    /** A new account, used once on the first replica, so that the first replica keeps it. */
    private static String keptOnFirst(String name) {
        String token = register(replicas.first(), name + "-" + System.nanoTime() + "@brainbuddy.test");
        me(replicas.first(), token).path("me.chronotype").entity(String.class).isEqualTo("BEAR");
        return token;
    }

    private static GraphQlTester.Response me(ConfigurableApplicationContext instance, String token) {
        return client(instance, token).document("{ me { chronotype } }").execute();
    }
}
