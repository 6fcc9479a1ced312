package app.brainbuddy.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Days are folded into ISO weeks, whose year is not always the calendar year. */
class IsoWeekTests {

    @ParameterizedTest
    @CsvSource({
        "2026-11-25, 2026-W48",
        "2026-01-05, 2026-W02",
        "2025-12-29, 2026-W01",
        "2021-01-03, 2020-W53",
        "2024-12-31, 2025-W01"
    })
    void namesTheIsoWeekOfADay(String day, String week) {
        assertThat(SessionStatsStore.isoWeek(day)).isEqualTo(week);
    }
}
