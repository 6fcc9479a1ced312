package app.brainbuddy.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatsScopeTests {

    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    @Test
    void anOpenPeriodIncludesEveryDay() {
        assertThat(new StatsScope("u", null, null).includesDay(DAY)).isTrue();
    }

    @Test
    void aDayIsIncludedWhenAnyPartOfItIsInThePeriod() {
        Instant noon = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(new StatsScope("u", noon, null).includesDay(DAY)).isTrue();
        assertThat(new StatsScope("u", null, noon).includesDay(DAY)).isTrue();
        assertThat(new StatsScope("u", Instant.parse("2026-11-26T00:00:00Z"), null).includesDay(DAY))
                .isFalse();
        assertThat(new StatsScope("u", null, Instant.parse("2026-11-25T00:00:00Z")).includesDay(DAY))
                .isFalse();
    }

    @Test
    void fromMustBeBeforeTo() {
        Instant at = Instant.parse("2026-11-25T12:00:00Z");
        assertThatThrownBy(() -> new StatsScope("u", at, at)).isInstanceOf(IllegalArgumentException.class);
    }
}
