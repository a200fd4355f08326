package io.reactivepay.fraud.api;

/** A sliding window of velocity counters, in hours. */
public enum TimeWindow {
    HOUR(1), DAY(24), WEEK(168), MONTH(720);

    private final int hours;

    TimeWindow(int hours) {
        this.hours = hours;
    }

    public int hours() {
        return hours;
    }
}
