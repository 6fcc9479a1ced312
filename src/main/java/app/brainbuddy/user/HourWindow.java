package app.brainbuddy.user;

/** Local hours from {@code startHour} inclusive to {@code endHour} exclusive, within one day. */
public record HourWindow(int startHour, int endHour) {

    public HourWindow {
        if (startHour < 0 || endHour > 24 || startHour >= endHour) {
            throw new IllegalArgumentException("not a window within a day: " + startHour + "-" + endHour);
        }
    }

    public boolean contains(int hour) {
        return hour >= startHour && hour < endHour;
    }

    /** As people read it, e.g. {@code "10:00-14:00"}. */
    public String label() {
        return "%02d:00-%02d:00".formatted(startHour, endHour);
    }

    @Override
    public String toString() {
        return label();
    }
}
