package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import app.brainbuddy.MongoCommands;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Nested fields cost one Mongo command per level and argument set, however many parents there are. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchingTests extends GraphQlIntegrationTest {

    private SignedIn admin;

    @BeforeAll
    void fiftyUsersWithSessionsHabitsAndModels() {
        admin = admin();
        IntStream.range(0, 50).forEach(i -> {
            SignedIn user = signUp();
            for (int s = 0; s < 3; s++) {
                user.graphQl()
                        .document("mutation { startSession(input: {moduleType: MOVERS, durationSeconds: 300}) { id } }")
                        .execute();
            }
            user.graphQl().document("""
                            mutation { createHabit(input: {habitType: POSITIVE_ROUTINE, trigger: "alarm",
                              routine: "stretch", reward: "energy",
                              interruptProtocol: {technique: "breathing", durationSeconds: 30}}) { id } }""").execute();
            storeModel(user.id(), 3);
        });
    }

    @Test
    void fiveAndFiftyUsersWithNestedFieldsSendTheSameCommands() {
        List<String> forFive = commandsForUsers(5);
        List<String> forFifty = commandsForUsers(50);

        System.out.printf("Mongo commands for users(first: 5) with nested fields: %d %s%n", forFive.size(), forFive);
        System.out.printf("Mongo commands for users(first: 50) with nested fields: %d %s%n", forFifty.size(), forFifty);
        assertThat(forFifty).isEqualTo(forFive);
        // the token's account, the page of users, then one command per nested field and argument set;
        // habits and the habit part of stats read the same habits, once
        assertThat(forFive)
                .containsExactlyInAnyOrder(
                        "find users", "find users", sessionPagesCommand(), "find habits", "find user_models");
    }

    @Test
    void twoPagesOfUsersInOneRequestShareTheNestedCommands() {
        String nested = "edges { node { id sessions(first: 2) { edges { node { id } } } habits { id } model { phase }"
                + " stats { habits { attempts } } } }";
        String after = admin.graphQl()
                .document("{ users(first: 20) { pageInfo { endCursor } } }")
                .execute()
                .path("users.pageInfo.endCursor")
                .entity(String.class)
                .get();
        List<String> commands = names(mongoCommands.during(() -> admin.graphQl()
                .document("{ first: users(first: 20) { %s } second: users(first: 20, after: \"%s\") { %s } }"
                        .formatted(nested, after, nested))
                .execute()
                .path("second.edges")
                .entityList(Object.class)
                .hasSize(20)));

        System.out.printf(
                "Mongo commands for two pages of users with nested fields: %d %s%n", commands.size(), commands);
        // one users find per page; the nested fields of both pages' users load together
        assertThat(commands)
                .containsExactlyInAnyOrder(
                        "find users",
                        "find users",
                        "find users",
                        sessionPagesCommand(),
                        "find habits",
                        "find user_models");
    }

    @Test
    void aUsersSessionsPointBackToTheUserWithOneCommand() {
        SignedIn user = signUp();
        for (int s = 0; s < 12; s++) {
            user.graphQl()
                    .document("mutation { startSession(input: {moduleType: PFC_GYM, durationSeconds: 120}) { id } }")
                    .execute();
        }
        List<String> commands = names(mongoCommands.during(() -> user.graphQl()
                .document("{ me { sessions(first: 12) { edges { node { user { id chronotype } } } } } }")
                .execute()
                .path("me.sessions.edges[*].node.user.id")
                .entityList(String.class)
                .hasSize(12)));

        System.out.printf("Mongo commands for me { sessions(first: 12) { user } }: %s%n", commands);
        assertThat(commands).containsExactly("find users", sessionPagesCommand(), "find users");
    }

    /**
     * The one command that reads a page of sessions for many users: on the embedded server, which
     * scans the collection for each {@code $lookup} pipeline, one find of all their sessions.
     */
    protected String sessionPagesCommand() {
        return "find sessions";
    }

    private List<String> commandsForUsers(int users) {
        return names(mongoCommands.during(() -> admin.graphQl()
                .documentName("usersNested")
                .variable("first", users)
                .execute()
                .path("users.edges[*].node.sessions.edges")
                .entityList(Object.class)
                .hasSize(users)));
    }

    /**
     * The commands' names, without the per-person counter of expensive requests: one command per
     * request past a cost threshold (a larger page crosses it), never one per parent.
     */
    private static List<String> names(List<MongoCommands.Command> commands) {
        return commands.stream()
                .filter(command -> !command.collection().equals("limit_counters"))
                .map(command -> command.name() + " " + command.collection())
                .toList();
    }
}
