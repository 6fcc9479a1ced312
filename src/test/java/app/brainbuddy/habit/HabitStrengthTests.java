package app.brainbuddy.habit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HabitStrengthTests {

    private static final LocalDate START = LocalDate.parse("2026-01-01");

    @Test
    void aHabitWithoutAttemptsHasNoStrength() {
        assertThat(HabitStrength.of(Map.of())).isZero();
    }

    @Test
    void thirteenGoodDaysBringAHabitHalfWay() {
        assertThat(HabitStrength.of(days(13, 1, 1))).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void strengthRisesWithEachGoodDayAndStaysBelowOne() {
        double previous = 0;
        for (int n = 1; n <= 400; n++) {
            double strength = HabitStrength.of(days(n, 1, 1));
            assertThat(strength).isGreaterThan(previous).isLessThanOrEqualTo(1.0);
            previous = strength;
        }
        assertThat(previous).isGreaterThan(0.99);
    }

    @Test
    void oneMissAfterALongRecordCostsAboutFivePercent() {
        Map<String, Habit.DayCount> record = days(100, 1, 1);
        double before = HabitStrength.of(record);
        record.put(START.plusDays(100).toString(), new Habit.DayCount(1, 0));

        double after = HabitStrength.of(record);

        assertThat(after).isLessThan(before).isGreaterThan(before * 0.94);
        assertThat(before - after).isCloseTo(before * (1 - HabitStrength.DAILY_MULTIPLIER), within(1e-12));
    }

    @Test
    void aDayCountsItsSuccessFraction() {
        double halfDay = HabitStrength.of(Map.of("2026-01-01", new Habit.DayCount(4, 2)));
        assertThat(halfDay).isCloseTo((1 - HabitStrength.DAILY_MULTIPLIER) * 0.5, within(1e-12));
    }

    @Test
    void daysWithoutAttemptsChangeNothingAndOrderIsByDate() {
        Map<String, Habit.DayCount> inOrder = new LinkedHashMap<>();
        inOrder.put("2026-01-01", new Habit.DayCount(1, 0));
        inOrder.put("2026-01-02", new Habit.DayCount(0, 0));
        inOrder.put("2026-01-10", new Habit.DayCount(2, 2));
        Map<String, Habit.DayCount> shuffled = new LinkedHashMap<>();
        shuffled.put("2026-01-10", new Habit.DayCount(2, 2));
        shuffled.put("2026-01-01", new Habit.DayCount(1, 0));

        assertThat(HabitStrength.of(shuffled)).isEqualTo(HabitStrength.of(inOrder));
        assertThat(HabitStrength.of(inOrder)).isCloseTo(1 - HabitStrength.DAILY_MULTIPLIER, within(1e-12));
    }

    private static Map<String, Habit.DayCount> days(int count, int attempts, int successes) {
        Map<String, Habit.DayCount> days = new HashMap<>();
        for (int i = 0; i < count; i++) {
            days.put(START.plusDays(i).toString(), new Habit.DayCount(attempts, successes));
        }
        return days;
    }
}
