package network.synod.payouts.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmissionScheduleTest {

    private final EmissionSchedule schedule = new EmissionSchedule(1_000, 10, 5_500);

    @Test
    void halvesEveryIntervalOfEpochs() {
        assertEquals(1_000, schedule.scheduled(0));
        assertEquals(1_000, schedule.scheduled(9));
        assertEquals(500, schedule.scheduled(10));
        assertEquals(250, schedule.scheduled(25));
        assertEquals(0, schedule.scheduled(10 * 64));
    }

    @Test
    void theCapClipsTheLastEpochAndStopsEmission() {
        assertEquals(500, schedule.emissionFor(12, 4_000));
        assertEquals(300, schedule.emissionFor(12, 5_200));
        assertEquals(0, schedule.emissionFor(12, 5_500));
        assertEquals(0, schedule.emissionFor(12, 6_000));
    }

    @Test
    void withoutHalvingTheAmountIsFixed() {
        assertEquals(1_000, new EmissionSchedule(1_000, 0, Long.MAX_VALUE).scheduled(1_000_000));
    }
}
