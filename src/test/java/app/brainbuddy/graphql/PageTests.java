package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class PageTests {

    @Test
    void firstDefaultsToTwentyAndMustBeBetweenOneAndAHundred() {
        assertThat(Page.of("tests", null, null).first()).isEqualTo(20);
        assertThat(Page.of("tests", 100, null).first()).isEqualTo(100);
        assertThatThrownBy(() -> Page.of("tests", 0, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Page.of("tests", 101, null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aCursorComesBackAsTheSamePosition() {
        String id = new ObjectId().toHexString();
        Instant at = Instant.parse("2026-11-25T08:30:00.123Z");
        Connection<String> connection = Connection.of(
                List.of("a"), new Page("tests", 5, null), node -> new Page("tests", 5, null).cursor(at, id));

        Cursor after = Page.of("tests", 5, connection.pageInfo().endCursor()).after();

        assertThat(after).isNotNull();
        assertThat(after.instant()).isEqualTo(at);
        assertThat(after.id()).isEqualTo(id);
    }

    @Test
    void cursorsThatThisServerDidNotMakeAreBadRequests() {
        for (String cursor : List.of("%%%", "bm8tc2VwYXJhdG9y", "MTIzfG5vdC1hbi1pZA")) {
            assertThatThrownBy(() -> Page.of("tests", 5, cursor))
                    .isInstanceOfSatisfying(
                            ApiException.class,
                            e -> assertThat(e.errorType().name()).isEqualTo("BAD_REQUEST"));
        }
    }

    @Test
    void aCursorOfAnotherConnectionIsABadRequest() {
        String id = new ObjectId().toHexString();
        String usersCursor = Connection.of(
                        List.of("a"),
                        new Page("users", 5, null),
                        node -> new Page("users", 5, null).cursor(Instant.now(), id))
                .pageInfo()
                .endCursor();

        assertThat(Page.of("users", 5, usersCursor).after()).isNotNull();
        assertThatThrownBy(() -> Page.of("sessions", 5, usersCursor)).isInstanceOf(ApiException.class);
    }

    @Test
    void theExtraFetchedItemOnlyTellsThatThereIsANextPage() {
        String id = new ObjectId().toHexString();
        Connection<Integer> connection = Connection.of(
                List.of(1, 2, 3), new Page("tests", 2, null), node -> new Page("tests", 2, null).cursor(node, id));

        assertThat(connection.edges()).extracting(Connection.Edge::node).containsExactly(1, 2);
        assertThat(connection.pageInfo().hasNextPage()).isTrue();
        assertThat(connection.pageInfo().hasPreviousPage()).isFalse();
    }
}
