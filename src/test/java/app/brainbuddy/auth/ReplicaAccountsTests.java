package app.brainbuddy.auth;

import static app.brainbuddy.TwoReplicas.client;
import static app.brainbuddy.TwoReplicas.register;
import static app.brainbuddy.TwoReplicas.statusWithToken;
import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.TwoReplicas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;

/**
 * Each instance keeps the accounts it read (CallerAccounts) and the tokens it verified
 * (VerifiedTokens); a change made through the other replica must show on the very next request all
 * the same. Every case first uses the account on the first replica, so that it is kept there.
 */
class ReplicaAccountsTests {

    private static TwoReplicas replicas;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        // a fresh server's first requests (a sign-up hashes a password) can pass the 10 s request
        // limit on a shared, busy machine; what is tested here is not time
        replicas = TwoReplicas.start(Map.of("brainbuddy.graphql.timeout", "60s"));
        first = replicas.first();
        second = replicas.second();
    }

    @AfterAll
    static void stop() {
        replicas.close();
    }

    @Test
    void anAccountDeletedOnOneReplicaIsRefusedOnTheOtherAtTheNextRequest() {
        String token = keptOnFirst("deleted");

        client(second, token)
                .document("mutation { deleteAccount { deleted } }")
                .execute()
                .path("deleteAccount.deleted")
                .hasValue();

        assertThat(statusWithToken(first, token)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anIntegrationRevokedOnOneReplicaIsRefusedOnTheOtherAtTheNextRequest() {
        String token = keptOnFirst("revoked");
        GraphQlTester.Response created = client(first, token)
                .documentName("createIntegrationToken")
                .variable("input", Map.of("name", "Sleep tracker", "scopes", List.of("PROFILE_READ")))
                .execute();
        String integration = created.path("createIntegrationToken.token")
                .entity(String.class)
                .get();
        String grant = created.path("createIntegrationToken.integration.id")
                .entity(String.class)
                .get();
        assertThat(statusWithToken(first, integration)).isEqualTo(HttpStatus.OK);

        client(second, token)
                .document("mutation($id: ID!) { revokeIntegrationToken(id: $id) }")
                .variable("id", grant)
                .execute()
                .path("revokeIntegrationToken")
                .entity(String.class)
                .isEqualTo(grant);

        assertThat(statusWithToken(first, integration)).isEqualTo(HttpStatus.UNAUTHORIZED);
        me(first, token).path("me.chronotype").entity(String.class).isEqualTo("BEAR");
    }

    @Test
    void aProfileChangedOnOneReplicaShowsOnTheOtherAtTheNextRequest() {
        String token = keptOnFirst("changed");

        client(second, token)
                .document("mutation { updateProfile(input: {chronotype: WOLF}) { chronotype } }")
                .execute()
                .path("updateProfile.chronotype")
                .entity(String.class)
                .isEqualTo("WOLF");

        me(first, token).path("me.chronotype").entity(String.class).isEqualTo("WOLF");
    }

    /** A new account, used once on the first replica, so that the first replica keeps it. */
    private static String keptOnFirst(String name) {
        String token = register(first, name + "-" + System.nanoTime() + "@brainbuddy.test");
        me(first, token).path("me.chronotype").entity(String.class).isEqualTo("BEAR");
        return token;
    }

    private static GraphQlTester.Response me(ConfigurableApplicationContext instance, String token) {
        return client(instance, token).document("{ me { chronotype } }").execute();
    }
}
