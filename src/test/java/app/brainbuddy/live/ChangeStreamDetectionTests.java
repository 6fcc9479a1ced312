package app.brainbuddy.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.GraphQlIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Which servers get change streams, read from their answer to {@code hello}. */
class ChangeStreamDetectionTests extends GraphQlIntegrationTest {

    @Autowired
    private LiveEvents events;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a replica set member (Atlas, Testcontainers) | {"isWritablePrimary": true, "setName": "rs0"} | true
            a mongos of a sharded cluster                | {"isWritablePrimary": true, "msg": "isdbgrid"}  | true
            a lone server                                | {"isWritablePrimary": true}                     | false
            """)
    void changeStreamsOnlyWhereTheServerHasThem(String caseName, String hello, boolean expected) {
        assertThat(LiveEventsConfiguration.isReplicaSetOrRouter(Document.parse(hello)))
                .isEqualTo(expected);
    }

    @Test
    void theEmbeddedServerGetsEventsWithinTheProcess() {
        assertThat(LiveEventsConfiguration.hasChangeStreams(mongo)).isFalse();
        assertThat(events).isInstanceOf(InProcessEvents.class);
    }
}
