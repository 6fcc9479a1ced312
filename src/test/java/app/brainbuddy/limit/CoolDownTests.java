package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.AttackDocuments;
import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.MongoCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A token whose requests keep being refused is turned away at the door with a 429 that says when to
 * come back; only that token, only for the cool-down, and a refusal at the door does no GraphQL work.
 */
class CoolDownTests extends GraphQlIntegrationTest {

    private static final int REFUSALS = 5;
    private static final String TOO_COSTLY = AttackDocuments.habitHistories(10);

    @DynamicPropertySource
    static void shortCoolDown(DynamicPropertyRegistry properties) {
        properties.add("brainbuddy.cool-down.refusals", () -> REFUSALS);
        properties.add("brainbuddy.cool-down.window", () -> "1m");
        properties.add("brainbuddy.cool-down.length", () -> "3s");
        properties.add("brainbuddy.cool-down.answer-delay", () -> "300ms");
    }

    @Test
    void refusedRequestsCoolTheTokenDownAndOnlyIt() {
        SignedIn attacker = signUp();
        SignedIn neighbour = signUp();
        for (int i = 0; i < REFUSALS - 1; i++) {
            assertThat(post(attacker.token(), TOO_COSTLY).getResponseBodyContent())
                    .isNotNull();
        }
        assertThat(post(attacker.token(), "{me{id}}").getStatus()).isEqualTo(HttpStatus.OK);

        post(attacker.token(), TOO_COSTLY); // the limit's refusal: the cool-down starts
        EntityExchangeResult<byte[]> turnedAway = post(attacker.token(), "{me{id}}");

        assertThat(turnedAway.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        long retryAfter = Long.parseLong(turnedAway.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 3L);
        String body = new String(turnedAway.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertGraphQlErrorBody(body, "FORBIDDEN", "brainbuddy.cool-down");
        assertThat(body).contains("\"retryAfterSeconds\":" + retryAfter);
        assertThat(post(neighbour.token(), "{me{id}}").getStatus()).isEqualTo(HttpStatus.OK);
        String sameAccountOtherDevice = login(attacker.email());
        assertThat(post(sameAccountOtherDevice, "{me{id}}").getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDoorAnswersAfterItsDelayWithoutReadingTheRequest() {
        SignedIn attacker = signUp();
        coolDown(attacker);
        long start = System.nanoTime();
        List<EntityExchangeResult<byte[]>> answer = new ArrayList<>();

        List<MongoCommands.Command> commands =
                mongoCommands.during(() -> answer.add(post(attacker.token(), "{me{habits{id}}}")));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.get(0).getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(millis).isGreaterThanOrEqualTo(300);
        assertThat(commands)
                .as("no account read, no GraphQL work: not one database command")
                .isEmpty();
    }

    @Test
    void theTokenComesBackWhenItsCoolDownEnds() throws InterruptedException {
        SignedIn attacker = signUp();
        coolDown(attacker);
        assertThat(post(attacker.token(), "{me{id}}").getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        Thread.sleep(3_100);

        assertThat(post(attacker.token(), "{me{id}}").getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void answeredRequestsAndForgedTokensCoolNothingDown() {
        SignedIn user = signUp();
        for (int i = 0; i < REFUSALS * 2; i++) {
            assertThat(post(user.token(), "{me{id}}").getStatus()).isEqualTo(HttpStatus.OK);
            // a token that fails verification is refused by the token check, never counted for anyone
            assertThat(post(user.token() + "x", TOO_COSTLY).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(post(user.token(), "{me{id}}").getStatus()).isEqualTo(HttpStatus.OK);
    }

    private void coolDown(SignedIn user) {
        for (int i = 0; i < REFUSALS; i++) {
            post(user.token(), TOO_COSTLY);
        }
    }

    private String login(String email) {
        return anonymous()
                .documentName("login")
                .variable("input", Map.of("email", email, "password", PASSWORD))
                .execute()
                .path("login.token")
                .entity(String.class)
                .get();
    }

    private EntityExchangeResult<byte[]> post(String token, String document) {
        return http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document))
                .exchange()
                .expectBody()
                .returnResult();
    }
}
