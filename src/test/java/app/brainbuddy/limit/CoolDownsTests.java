package app.brainbuddy.limit;

import static org.assertj.core.api.Assertions.assertThat;

import app.brainbuddy.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The counting behind the door: window, threshold, length, and the bound on tokens held. */
class CoolDownsTests {

    private final TestClock clock = new TestClock();
    private final CoolDowns coolDowns = new CoolDowns(
            new CoolDownSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1), 2), clock);

    @Test
    void theRefusalThatReachesTheLimitStartsTheCoolDown() {
        coolDowns.refused("a");
        coolDowns.refused("a");
        assertThat(coolDowns.remaining("a")).isZero();

        coolDowns.refused("a");

        assertThat(coolDowns.remaining("a")).isEqualTo(30_000);
        assertThat(coolDowns.remaining("b")).isZero();
        clock.advance(Duration.ofSeconds(29));
        assertThat(coolDowns.remaining("a")).isEqualTo(1_000);
        clock.advance(Duration.ofSeconds(1));
        assertThat(coolDowns.remaining("a")).isZero();
    }

    @Test
    void refusalsOfAnEndedWindowDoNotCount() {
        coolDowns.refused("a");
        coolDowns.refused("a");
        clock.advance(Duration.ofSeconds(10));

        coolDowns.refused("a");
        coolDowns.refused("a");

        assertThat(coolDowns.remaining("a")).isZero();
        coolDowns.refused("a");
        assertThat(coolDowns.remaining("a")).isEqualTo(30_000);
    }

    @Test
    void aFullTableMakesRoomFromEndedCountsOnlyAndNeverGrows() {
        coolDowns.refused("a");
        coolDowns.refused("b");

        for (int i = 0; i < 3; i++) {
            coolDowns.refused("c");
        }
        assertThat(coolDowns.remaining("c"))
                .as("two tokens still counting: no room")
                .isZero();

        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            coolDowns.refused("c");
        }
        assertThat(coolDowns.remaining("c")).as("the ended counts made room").isEqualTo(30_000);
    }

    @Test
    void theDoorAndTheCountReadTheSameBearerToken() {
        assertThat(CoolDowns.token("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(CoolDowns.token("bearer abc ")).isEqualTo("abc");
        assertThat(CoolDowns.token("Basic abc")).isNull();
        assertThat(CoolDowns.token(null)).isNull();
    }
}
