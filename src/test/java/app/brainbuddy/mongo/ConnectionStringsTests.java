package app.brainbuddy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionStringsTests {

    @Test
    void aDatabaseInTheUrlIsKept() {
        assertThat(ConnectionStrings.withDefaultDatabase("mongodb://db.example:27017/other", "brain_buddy")
                        .getDatabase())
                .isEqualTo("other");
    }

    @Test
    void anAtlasStringWithoutDatabaseGetsTheDefaultAndKeepsItsOptions() {
        var connection = ConnectionStrings.withDefaultDatabase(
                "mongodb+srv://ana:s3cret@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority", "brain_buddy");
        assertThat(connection.getDatabase()).isEqualTo("brain_buddy");
        assertThat(connection.getRetryWritesValue()).isTrue();
        assertThat(connection.getUsername()).isEqualTo("ana");
    }

    @Test
    void aBareHostGetsTheDefaultDatabase() {
        assertThat(ConnectionStrings.withDefaultDatabase("mongodb://localhost", "brain_buddy")
                        .getDatabase())
                .isEqualTo("brain_buddy");
        assertThat(ConnectionStrings.withDefaultDatabase("mongodb://h1:1,h2:2/", "brain_buddy")
                        .getHosts())
                .containsExactly("h1:1", "h2:2");
    }
}
